"""The exported graphs' PyTorch side: the cached decoder against the uncached one, and the MoE layer
computing only the chosen experts against every expert weighted by its gate."""

import unittest

import torch

from training.export import CachedDecoder, EncoderForExport, empty_caches
from training.model import Corrector, ModelDimensions, MoEFeedForward


class CachedDecoderTest(unittest.TestCase):
    def setUp(self):
        torch.manual_seed(0)
        dims = ModelDimensions(vocab_size=60, d_model=16, n_heads=2, n_encoder_layers=1, n_decoder_layers=2, d_ff=8)
        self.model = Corrector(dims).eval()
        self.input_ids = torch.randint(5, 60, (3, 6))
        self.attention_mask = torch.tensor([[1] * 6, [1] * 4 + [0] * 2, [1] * 2 + [0] * 4])
        self.decoder_input_ids = torch.randint(5, 60, (3, 8))

    def test_decoding_step_by_step_with_the_cache_gives_the_uncached_logits(self):
        with torch.no_grad():
            hidden, _ = self.model.encoder(self.input_ids, self.attention_mask)
            expected, expected_probs = self.model.decoder(self.decoder_input_ids, hidden, self.attention_mask)
            cross = EncoderForExport(self.model)(self.input_ids, self.attention_mask)[2:]
            capacity = 10
            # Noise in every cache slot: slots a row has not written must not count.
            caches = [c.normal_() * 10 if i % 4 < 2 else c for i, c in enumerate(empty_caches(self.model, list(cross), 3, capacity))]
            decoder = CachedDecoder(self.model)
            # Rows advance by different amounts each pass, as aggressive decoding's rows do.
            steps = [[1, 2, 3], [3, 1, 2], [2, 2, 2], [2, 3, 1]]
            done = [0, 0, 0]
            for sizes in steps:
                length = max(sizes)
                ids = torch.zeros(3, length, dtype=torch.long)
                for row, size in enumerate(sizes):
                    ids[row, :size] = self.decoder_input_ids[row, done[row] : done[row] + size]
                outputs = decoder(ids, torch.tensor(done), self.attention_mask, *caches)
                logits, next_tokens, next_probs, router_probs, new = outputs[0], outputs[1], outputs[2], outputs[3], outputs[4:]
                for row, size in enumerate(sizes):
                    positions = slice(done[row], done[row] + size)
                    torch.testing.assert_close(logits[row, :size], expected[row, positions], atol=1e-5, rtol=0)
                    torch.testing.assert_close(router_probs[:, row, :size], expected_probs[:, row, positions], atol=1e-6, rtol=0)
                    self.assertTrue(torch.equal(next_tokens[row, :size], expected[row, positions].argmax(-1)))
                    torch.testing.assert_close(
                        next_probs[row, :size], torch.softmax(expected[row, positions], -1).max(-1).values, atol=1e-6, rtol=0
                    )
                    for layer in range(self.model.dims.n_decoder_layers):
                        keys, values = new[2 * layer], new[2 * layer + 1]
                        caches[4 * layer][row, :, :, positions] = keys[row, :, :size].transpose(-1, -2)
                        caches[4 * layer + 1][row, :, positions] = values[row, :, :size]
                    done[row] += size
            self.assertEqual(done, [8, 8, 8])


class ChosenExpertsTest(unittest.TestCase):
    def test_only_the_chosen_experts_give_the_dense_output(self):
        torch.manual_seed(1)
        layer = MoEFeedForward(d_model=12, d_ff=10, n_experts=4, top_k=2)
        with torch.no_grad():
            # With positive inputs the last expert never makes a token's top 2: an expert without
            # tokens must work too.
            layer.router.weight.abs_()
            layer.router.weight[3] *= -1
        x = torch.rand(3, 5, 12)
        probs, chosen, gates = layer.route(x, None)
        self.assertFalse((chosen == 3).any())
        layer.dense_experts = True
        dense, _ = layer(x)
        torch.testing.assert_close(layer.chosen_experts(x, chosen, gates), dense, atol=1e-6, rtol=0)


if __name__ == "__main__":
    unittest.main()
