"""training/tools/deepen_identity.py: the deeper model gives the original's outputs exactly, and each
added block gets its own weights in the exported graph."""

import runpy
import tempfile
import unittest
from pathlib import Path

import onnx
import torch

from training.export import EncoderForExport
from training.model import Corrector, ModelDimensions
from training.tools.deepen_identity import (
    deepen,
    depths_for,
    flops_per_token,
    original_layer_indices,
    unshare_initializers,
)

TINY = runpy.run_path(str(Path(__file__).resolve().parents[1] / "config_tiny.py"))


def tiny_dims(**overrides) -> ModelDimensions:
    keys = ("vocab_size", "d_model", "n_heads", "n_encoder_layers", "n_decoder_layers", "d_ff")
    return ModelDimensions(**{**{key: TINY[key] for key in keys}, **overrides})


class DeepenTest(unittest.TestCase):
    def setUp(self):
        torch.manual_seed(0)
        self.input_ids = torch.randint(5, 400, (3, 9))
        self.attention_mask = torch.tensor([[1] * 9, [1] * 5 + [0] * 4, [1] * 2 + [0] * 7])
        self.decoder_input_ids = torch.randint(5, 400, (3, 6))

    def outputs(self, model: Corrector):
        with torch.no_grad():
            return model(self.input_ids, self.attention_mask, self.decoder_input_ids)

    def test_the_deeper_model_gives_the_same_logits_and_routing_bit_for_bit(self):
        for ffn in ("moe", "dense"):
            with self.subTest(ffn=ffn):
                original = Corrector(tiny_dims(ffn=ffn)).eval()
                expected = [tensor.clone() for tensor in self.outputs(original)]
                deeper = deepen(original, encoder_layers=2, decoder_layers=3)
                self.assertEqual((len(deeper.encoder.blocks), len(deeper.decoder.blocks)), (2, 3))
                logits, encoder_probs, decoder_probs = self.outputs(deeper)
                self.assertTrue(torch.equal(logits, expected[0]))
                if ffn == "moe":
                    self.assertEqual(tuple(encoder_probs.shape[:1] + decoder_probs.shape[:1]), (2, 3))
                    self.assertTrue(torch.equal(encoder_probs[[0]], expected[1]))
                    self.assertTrue(torch.equal(decoder_probs[[0]], expected[2]))
                # The original is untouched, and the added blocks do real work with its weights.
                self.assertTrue(all(torch.equal(a, b) for a, b in zip(self.outputs(original), expected)))
                self.assertTrue(torch.equal(deeper.decoder.blocks[1].attn.query.weight, original.decoder.blocks[0].attn.query.weight))
                self.assertEqual(float(deeper.decoder.blocks[1].attn.out.weight.abs().sum()), 0.0)

    def test_added_blocks_follow_their_original(self):
        self.assertEqual(original_layer_indices(3, 6), [0, 2, 4])
        self.assertEqual(original_layer_indices(3, 8), [0, 3, 6])
        with self.assertRaises(ValueError):
            deepen(Corrector(tiny_dims(n_decoder_layers=2)), 2, 1)

    def test_twice_the_compute_counts_the_output_layer(self):
        dims = ModelDimensions(vocab_size=4096)  # neko-small's shape
        self.assertEqual(depths_for(dims, 2.0), (6, 8))
        (source, output), (deep_source, deep_output) = flops_per_token(dims), flops_per_token(
            ModelDimensions(vocab_size=4096, n_encoder_layers=6, n_decoder_layers=6)
        )
        # Twice the layers is twice the encoder's work but not the decoder's: the output layer stays.
        self.assertEqual(deep_source, 2 * source)
        self.assertLess(deep_output, 1.8 * output)


class UnshareTest(unittest.TestCase):
    def test_each_added_block_gets_its_own_initializers(self):
        torch.manual_seed(0)
        deeper = deepen(Corrector(tiny_dims()).eval(), encoder_layers=2, decoder_layers=2)
        deeper.set_dense_experts(True)
        input_ids, attention_mask = torch.tensor([[7, 8, 2]]), torch.tensor([[1, 1, 1]])
        with tempfile.TemporaryDirectory() as directory:
            path = Path(directory) / "encoder.onnx"
            with torch.no_grad():
                torch.onnx.export(EncoderForExport(deeper), (input_ids, attention_mask), str(path), opset_version=17)
            before = len(onnx.load(str(path)).graph.initializer)
            self.assertGreater(unshare_initializers(path), 0)  # the exporter merged the copies
            graph = onnx.load(str(path)).graph
            names = {tensor.name for tensor in graph.initializer}
            self.assertFalse([n for n in graph.node if n.op_type == "Identity" and n.input[0] in names])
            self.assertGreater(len(graph.initializer), before)


if __name__ == "__main__":
    unittest.main()
