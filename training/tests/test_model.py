"""The MoE layer and the corrector model: routing shapes, top-2 at inference, task expert in training."""

import unittest

import torch

from training.decoding import greedy_decode
from training.model import Corrector, ModelDimensions, MoEFeedForward
from training.train import router_losses


class MoEFeedForwardTest(unittest.TestCase):
    def setUp(self):
        torch.manual_seed(0)
        self.layer = MoEFeedForward(d_model=16, d_ff=24, n_experts=4, top_k=2)
        # A sharper router than initialization gives, so that the task expert is often not the favourite.
        torch.nn.init.normal_(self.layer.router.weight, std=1.0)
        self.x = torch.randn(3, 7, 16)

    def test_router_probabilities_cover_every_token_and_sum_to_one(self):
        output, probs = self.layer(self.x)
        self.assertEqual(output.shape, (3, 7, 16))
        self.assertEqual(probs.shape, (3, 7, 4))
        self.assertTrue(torch.allclose(probs.sum(-1), torch.ones(3, 7), atol=1e-6))
        self.assertTrue(bool((probs > 0).all()))

    def test_inference_picks_the_routers_top_two_with_renormalized_gates(self):
        probs, chosen, gates = self.layer.route(self.x, task_expert=None)
        expected = probs.topk(2, dim=-1).indices
        self.assertTrue(torch.equal(chosen, expected))
        self.assertTrue(torch.equal((gates > 0).sum(-1), torch.full((3, 7), 2)))
        self.assertTrue(torch.allclose(gates.sum(-1), torch.ones(3, 7), atol=1e-6))
        top2 = probs.gather(-1, expected)
        self.assertTrue(torch.allclose(gates.gather(-1, expected), top2 / top2.sum(-1, keepdim=True)))

    def test_training_always_routes_to_the_task_expert_plus_the_best_other(self):
        task_expert = torch.tensor([0, 2, 3])
        probs, chosen, gates = self.layer.route(self.x, task_expert)
        self.assertTrue(torch.equal(chosen[..., 0], task_expert[:, None].expand(3, 7)))
        masked = probs.scatter(-1, task_expert.view(3, 1, 1).expand(3, 7, 1), -1.0)
        self.assertTrue(torch.equal(chosen[..., 1], masked.argmax(-1)))
        self.assertTrue(bool((chosen[..., 0] != chosen[..., 1]).all()))
        self.assertTrue(torch.equal((gates > 0).sum(-1), torch.full((3, 7), 2)))
        # The routing differs from inference wherever the task expert is not among the router's top-2.
        inference_chosen = self.layer.route(self.x, None)[1]
        task_in_top2 = (inference_chosen == task_expert.view(3, 1, 1)).any(-1)
        self.assertFalse(bool(task_in_top2.all()), "the test input should exercise forced routing")

    def test_sparse_dispatch_equals_dense_einsum(self):
        for task_expert in (None, torch.tensor([1, 0, 3])):
            sparse, _ = self.layer(self.x, task_expert)
            self.layer.dense_experts = True
            dense, _ = self.layer(self.x, task_expert)
            self.layer.dense_experts = False
            self.assertLess(float((sparse - dense).abs().max()), 1e-5)

    def test_gradients_reach_the_router_and_only_chosen_experts(self):
        x = torch.randn(1, 1, 16)
        output, _ = self.layer(x, torch.tensor([2]))
        output.sum().backward()
        _, chosen, _ = self.layer.route(x, torch.tensor([2]))
        used = set(chosen.flatten().tolist())
        self.assertIsNotNone(self.layer.router.weight.grad)
        for expert in range(4):
            has_gradient = bool(self.layer.w_in.grad[expert].abs().sum() > 0)
            self.assertEqual(has_gradient, expert in used, f"expert {expert}")


class CorrectorTest(unittest.TestCase):
    def setUp(self):
        torch.manual_seed(0)
        self.dims = ModelDimensions(vocab_size=50, d_model=16, n_heads=2, n_encoder_layers=2, n_decoder_layers=3, d_ff=8)
        self.model = Corrector(self.dims).eval()
        self.input_ids = torch.randint(5, 50, (2, 6))
        self.attention_mask = torch.tensor([[1] * 6, [1, 1, 1, 0, 0, 0]])
        self.decoder_input_ids = torch.randint(5, 50, (2, 4))

    def test_outputs_and_router_probabilities_per_layer_and_token(self):
        logits, encoder_probs, decoder_probs = self.model(self.input_ids, self.attention_mask, self.decoder_input_ids)
        self.assertEqual(logits.shape, (2, 4, 50))
        self.assertEqual(encoder_probs.shape, (2, 2, 6, 4))
        self.assertEqual(decoder_probs.shape, (3, 2, 4, 4))
        self.assertTrue(torch.allclose(decoder_probs.sum(-1), torch.ones(3, 2, 4), atol=1e-6))

    def test_padding_does_not_change_the_real_tokens(self):
        short = self.model(self.input_ids[1:, :3], self.attention_mask[1:, :3], self.decoder_input_ids[1:])
        padded = self.model(self.input_ids, self.attention_mask, self.decoder_input_ids)
        self.assertLess(float((short[0][0] - padded[0][1]).abs().max()), 1e-5)

    def test_decoder_is_causal(self):
        logits, _, _ = self.model(self.input_ids, self.attention_mask, self.decoder_input_ids)
        changed = self.decoder_input_ids.clone()
        changed[:, 2:] = 7
        logits_changed, _, _ = self.model(self.input_ids, self.attention_mask, changed)
        self.assertLess(float((logits[:, :2] - logits_changed[:, :2]).abs().max()), 1e-5)
        self.assertGreater(float((logits[:, 2:] - logits_changed[:, 2:]).abs().max()), 1e-4)

    def test_greedy_decode_stops_at_eos_and_respects_max_length(self):
        outputs = greedy_decode(self.model, self.input_ids, self.attention_mask, bos_id=1, eos_id=2, max_length=5)
        self.assertEqual(len(outputs), 2)
        for row, probabilities in outputs:
            self.assertLessEqual(len(row), 5)
            self.assertNotIn(2, row)
            self.assertEqual(len(probabilities), len(row))
            self.assertTrue(all(0 < p <= 1 for p in probabilities))

    def test_active_parameters_count_two_of_four_experts(self):
        total, active = self.model.parameter_counts()
        expert_size = sum(p.numel() for n, p in self.model.named_parameters() if ".ffn." in n and "router" not in n)
        self.assertEqual(total - active, expert_size // 2)

    def test_dense_ablation_has_no_router(self):
        dims = ModelDimensions(vocab_size=50, d_model=16, n_heads=2, n_encoder_layers=1, n_decoder_layers=1, d_ff=8, ffn="dense")
        logits, encoder_probs, _ = Corrector(dims)(self.input_ids, self.attention_mask, self.decoder_input_ids)
        self.assertEqual(logits.shape, (2, 4, 50))
        self.assertEqual(encoder_probs.shape[-1], 0)


class RouterLossTest(unittest.TestCase):
    def test_task_loss_is_low_when_the_router_already_prefers_the_task_expert(self):
        task_expert = torch.tensor([1])
        mask = torch.ones(1, 3)
        confident = torch.tensor([0.02, 0.94, 0.02, 0.02]).expand(1, 1, 3, 4)
        uniform = torch.full((1, 1, 3, 4), 0.25)
        loss_confident, _, accuracy = router_losses(confident, mask, task_expert, top_k=2)
        loss_uniform, _, _ = router_losses(uniform, mask, task_expert, top_k=2)
        self.assertLess(float(loss_confident), float(loss_uniform))
        self.assertAlmostEqual(float(loss_uniform), float(-torch.log(torch.tensor(0.25))), places=5)
        self.assertEqual(float(accuracy), 1.0)

    def test_balance_loss_is_one_when_balanced_and_higher_when_collapsed(self):
        mask = torch.ones(1, 4)
        balanced = torch.eye(4)[None, None] * 0.7 + 0.075
        _, balance, _ = router_losses(balanced, mask, torch.tensor([0]), top_k=1)
        collapsed = torch.tensor([0.7, 0.1, 0.1, 0.1]).expand(1, 1, 4, 4)
        _, balance_collapsed, _ = router_losses(collapsed, mask, torch.tensor([0]), top_k=1)
        self.assertAlmostEqual(float(balance), 1.0, places=5)
        self.assertGreater(float(balance_collapsed), 2.0)


if __name__ == "__main__":
    unittest.main()
