"""The NeKo Studio corrector: an encoder-decoder Transformer whose feed-forward blocks are MoE layers.

Task-oriented routing after NeKo (arXiv 2411.05945): each expert but the last is mapped to a task.
In training every token goes to the expert of its segment's task plus the router's top-1 among the
other experts, gated by the router's softmax renormalized over those two. At inference the router
alone picks the top-2; no task label is needed, and the routing probabilities say which task the
model believes it is doing. Every MoE layer returns those probabilities for every token.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from typing import Optional

import torch
import torch.nn.functional as F
from torch import Tensor, nn

NEG_INF = -1e9  # finite, so that a fully masked row stays finite in float32 and in ONNX


@dataclass
class ModelDimensions:
    vocab_size: int
    d_model: int = 256
    n_heads: int = 4
    n_encoder_layers: int = 3
    n_decoder_layers: int = 3
    d_ff: int = 512  # per expert
    n_experts: int = 4
    top_k: int = 2
    experts: list[str] = field(default_factory=lambda: ["asr", "ocr", "text", "general"])
    ffn: str = "moe"  # "moe", or "dense" (one feed-forward of top_k * d_ff, the same active size) for ablations
    max_positions: int = 1024
    dropout: float = 0.0

    def __post_init__(self) -> None:
        if len(self.experts) != self.n_experts:
            raise ValueError(f"experts names {len(self.experts)} experts, n_experts is {self.n_experts}")
        if self.d_model % self.n_heads:
            raise ValueError("d_model must be a multiple of n_heads")
        if self.ffn not in ("moe", "dense"):
            raise ValueError(f"ffn must be 'moe' or 'dense', not {self.ffn!r}")

    def to_dict(self) -> dict:
        return asdict(self)

    def expert_of_task(self, task: str) -> int:
        return self.experts.index(task)


def sinusoids(length: int, channels: int) -> Tensor:
    log_timescale_increment = math.log(10000) / (channels // 2 - 1)
    inverse_timescales = torch.exp(-log_timescale_increment * torch.arange(channels // 2))
    scaled_time = torch.arange(length)[:, None] * inverse_timescales[None, :]
    return torch.cat([torch.sin(scaled_time), torch.cos(scaled_time)], dim=1)


class MultiHeadAttention(nn.Module):
    def __init__(self, d_model: int, n_heads: int):
        super().__init__()
        self.n_heads = n_heads
        self.scale = 1 / math.sqrt(d_model // n_heads)
        self.query = nn.Linear(d_model, d_model)
        self.key = nn.Linear(d_model, d_model, bias=False)
        self.value = nn.Linear(d_model, d_model)
        self.out = nn.Linear(d_model, d_model)

    def forward(self, x: Tensor, context: Tensor, additive_mask: Tensor) -> Tensor:
        """x [B,T,D] attends to context [B,S,D]; additive_mask broadcasts to [B,H,T,S]."""
        batch, length, width = x.shape
        head_width = width // self.n_heads

        def heads(t: Tensor) -> Tensor:
            return t.view(batch, -1, self.n_heads, head_width).transpose(1, 2)

        q, k, v = heads(self.query(x)), heads(self.key(context)), heads(self.value(context))
        scores = q @ k.transpose(-1, -2) * self.scale + additive_mask
        attended = torch.softmax(scores, dim=-1) @ v
        return self.out(attended.transpose(1, 2).reshape(batch, length, width))


class MoEFeedForward(nn.Module):
    """Top-k mixture of GELU feed-forward experts that also returns the router's softmax.

    The gates are a dense [B,T,E] tensor (softmax -> topk -> scatter), which exports to ONNX cleanly.
    Training computes only the chosen tokens per expert; export and `dense_experts=True` compute every
    expert and weight by the gates (einsum). Both give the same output (tested).
    """

    def __init__(self, d_model: int, d_ff: int, n_experts: int, top_k: int):
        super().__init__()
        self.top_k = top_k
        self.router = nn.Linear(d_model, n_experts, bias=False)
        self.w_in = nn.Parameter(torch.randn(n_experts, d_model, d_ff) / math.sqrt(d_model))
        self.b_in = nn.Parameter(torch.zeros(n_experts, d_ff))
        self.w_out = nn.Parameter(torch.randn(n_experts, d_ff, d_model) / math.sqrt(d_ff))
        self.b_out = nn.Parameter(torch.zeros(n_experts, d_model))
        self.dense_experts = False
        #: How a traced (exported) layer computes its experts: "dense" (every expert on every token,
        #: weighted by the gates) or "chosen" (each expert on the tokens that chose it only).
        self.export_experts = "dense"

    def route(self, x: Tensor, task_expert: Optional[Tensor]) -> tuple[Tensor, Tensor, Tensor]:
        """Returns (router probabilities [B,T,E], chosen experts [B,T,k], gates [B,T,E])."""
        probs = torch.softmax(self.router(x), dim=-1)
        if task_expert is None:
            weights, chosen = probs.topk(self.top_k, dim=-1)
        else:
            task = task_expert.view(-1, 1, 1).expand(probs.shape[0], probs.shape[1], 1)
            others = probs.scatter(-1, task, -1.0)
            _, best_others = others.topk(self.top_k - 1, dim=-1)
            chosen = torch.cat([task, best_others], dim=-1)
            weights = probs.gather(-1, chosen)
        weights = weights / weights.sum(dim=-1, keepdim=True)
        gates = torch.zeros_like(probs).scatter(-1, chosen, weights)
        return probs, chosen, gates

    def forward(self, x: Tensor, task_expert: Optional[Tensor] = None) -> tuple[Tensor, Tensor]:
        probs, chosen, gates = self.route(x, task_expert)
        if torch.jit.is_tracing() and self.export_experts == "chosen":
            return self.chosen_experts(x, chosen, gates), probs
        if self.dense_experts or torch.jit.is_tracing():
            hidden = F.gelu(torch.einsum("btd,edf->btef", x, self.w_in) + self.b_in)
            expert_outputs = torch.einsum("btef,efd->bted", hidden, self.w_out) + self.b_out
            return torch.einsum("bte,bted->btd", gates, expert_outputs), probs
        flat_x, flat_gates = x.reshape(-1, x.shape[-1]), gates.reshape(-1, gates.shape[-1])
        output = torch.zeros_like(flat_x)
        for expert in range(gates.shape[-1]):
            tokens = (chosen.reshape(-1, chosen.shape[-1]) == expert).any(dim=-1).nonzero().squeeze(-1)
            if tokens.numel() == 0:
                continue
            hidden = F.gelu(flat_x[tokens] @ self.w_in[expert] + self.b_in[expert])
            expert_output = hidden @ self.w_out[expert] + self.b_out[expert]
            output.index_add_(0, tokens, expert_output * flat_gates[tokens, expert, None])
        return output.view_as(x), probs


    def chosen_experts(self, x: Tensor, chosen: Tensor, gates: Tensor) -> Tensor:
        """Each expert on the tokens that chose it, as ONNX can express it: NonZero picks the tokens,
        Gather takes their rows, and a ScatterND without accumulation puts each expert's weighted
        output into its own zero tensor (a token meets an expert at most once); the sum over experts
        is the layer's output. Half the work of the dense form at top-2 of 4."""
        flat_x = x.reshape(-1, x.shape[-1])
        flat_chosen = chosen.reshape(-1, chosen.shape[-1])
        flat_gates = gates.reshape(-1, gates.shape[-1])
        output = torch.zeros_like(flat_x)
        for expert in range(gates.shape[-1]):
            tokens = (flat_chosen == expert).any(dim=-1).nonzero().squeeze(-1)
            hidden = F.gelu(flat_x[tokens] @ self.w_in[expert] + self.b_in[expert])
            expert_output = (hidden @ self.w_out[expert] + self.b_out[expert]) * flat_gates[tokens, expert, None]
            output = output + torch.zeros_like(flat_x).index_put((tokens,), expert_output)
        return output.view_as(x)


class DenseFeedForward(nn.Module):
    """The ablation baseline: one feed-forward as wide as the active experts together, no router."""

    def __init__(self, d_model: int, d_ff: int):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(d_model, d_ff), nn.GELU(), nn.Linear(d_ff, d_model))

    def forward(self, x: Tensor, task_expert: Optional[Tensor] = None) -> tuple[Tensor, None]:
        return self.net(x), None


class ResidualBlock(nn.Module):
    def __init__(self, dims: ModelDimensions, cross_attention: bool):
        super().__init__()
        self.attn_ln = nn.LayerNorm(dims.d_model)
        self.attn = MultiHeadAttention(dims.d_model, dims.n_heads)
        self.cross_attn_ln = nn.LayerNorm(dims.d_model) if cross_attention else None
        self.cross_attn = MultiHeadAttention(dims.d_model, dims.n_heads) if cross_attention else None
        self.ffn_ln = nn.LayerNorm(dims.d_model)
        if dims.ffn == "moe":
            self.ffn: nn.Module = MoEFeedForward(dims.d_model, dims.d_ff, dims.n_experts, dims.top_k)
        else:
            self.ffn = DenseFeedForward(dims.d_model, dims.top_k * dims.d_ff)
        self.dropout = nn.Dropout(dims.dropout)

    def forward(
        self,
        x: Tensor,
        self_mask: Tensor,
        context: Optional[Tensor] = None,
        context_mask: Optional[Tensor] = None,
        task_expert: Optional[Tensor] = None,
    ) -> tuple[Tensor, Optional[Tensor]]:
        normed = self.attn_ln(x)
        x = x + self.dropout(self.attn(normed, normed, self_mask))
        if self.cross_attn is not None and self.cross_attn_ln is not None:
            assert context is not None and context_mask is not None
            x = x + self.dropout(self.cross_attn(self.cross_attn_ln(x), context, context_mask))
        ffn_output, router_probs = self.ffn(self.ffn_ln(x), task_expert)
        return x + self.dropout(ffn_output), router_probs


def padding_mask(attention_mask: Tensor) -> Tensor:
    """[B,S] with 1 for real tokens -> additive [B,1,1,S]."""
    return (1 - attention_mask[:, None, None, :].to(torch.float32)) * NEG_INF


def stack_router_probs(per_layer: list[Optional[Tensor]], like: Tensor) -> Tensor:
    """[L,B,T,E]; a dense model has no router, so its stack has zero experts."""
    if not per_layer or per_layer[0] is None:
        return like.new_zeros(len(per_layer), like.shape[0], like.shape[1], 0)
    return torch.stack([p for p in per_layer if p is not None])


class Encoder(nn.Module):
    def __init__(self, dims: ModelDimensions, embedding: nn.Embedding):
        super().__init__()
        self.embedding = embedding
        self.register_buffer("positions", sinusoids(dims.max_positions, dims.d_model), persistent=False)
        self.blocks = nn.ModuleList(ResidualBlock(dims, cross_attention=False) for _ in range(dims.n_encoder_layers))
        self.ln_post = nn.LayerNorm(dims.d_model)
        self.scale = math.sqrt(dims.d_model)

    def forward(self, input_ids: Tensor, attention_mask: Tensor, task_expert: Optional[Tensor] = None):
        x = self.embedding(input_ids) * self.scale + self.positions[: input_ids.shape[1]]
        mask = padding_mask(attention_mask)
        router_probs = []
        for block in self.blocks:
            x, probs = block(x, mask, task_expert=task_expert)
            router_probs.append(probs)
        return self.ln_post(x), stack_router_probs(router_probs, input_ids)


class Decoder(nn.Module):
    def __init__(self, dims: ModelDimensions, embedding: nn.Embedding):
        super().__init__()
        self.embedding = embedding
        self.register_buffer("positions", sinusoids(dims.max_positions, dims.d_model), persistent=False)
        self.blocks = nn.ModuleList(ResidualBlock(dims, cross_attention=True) for _ in range(dims.n_decoder_layers))
        self.ln_post = nn.LayerNorm(dims.d_model)
        self.scale = math.sqrt(dims.d_model)

    def forward(
        self,
        decoder_input_ids: Tensor,
        encoder_hidden: Tensor,
        attention_mask: Tensor,
        task_expert: Optional[Tensor] = None,
    ):
        length = decoder_input_ids.shape[1]
        x = self.embedding(decoder_input_ids) * self.scale + self.positions[:length]
        steps = torch.arange(length, device=decoder_input_ids.device)
        causal_mask = (steps[None, :] > steps[:, None]).to(torch.float32) * NEG_INF
        context_mask = padding_mask(attention_mask)
        router_probs = []
        for block in self.blocks:
            x, probs = block(x, causal_mask, encoder_hidden, context_mask, task_expert)
            router_probs.append(probs)
        logits = self.ln_post(x) @ self.embedding.weight.t()  # tied with the input embedding
        return logits, stack_router_probs(router_probs, decoder_input_ids)


class Corrector(nn.Module):
    def __init__(self, dims: ModelDimensions):
        super().__init__()
        self.dims = dims
        self.embedding = nn.Embedding(dims.vocab_size, dims.d_model)
        nn.init.normal_(self.embedding.weight, std=dims.d_model**-0.5)
        self.encoder = Encoder(dims, self.embedding)
        self.decoder = Decoder(dims, self.embedding)

    def forward(
        self,
        input_ids: Tensor,
        attention_mask: Tensor,
        decoder_input_ids: Tensor,
        task_expert: Optional[Tensor] = None,
    ) -> tuple[Tensor, Tensor, Tensor]:
        """Returns (logits [B,T,V], encoder router probs [L,B,S,E], decoder router probs [L,B,T,E])."""
        encoder_hidden, encoder_probs = self.encoder(input_ids, attention_mask, task_expert)
        logits, decoder_probs = self.decoder(decoder_input_ids, encoder_hidden, attention_mask, task_expert)
        return logits, encoder_probs, decoder_probs

    def set_export_experts(self, mode: str) -> None:
        for module in self.modules():
            if isinstance(module, MoEFeedForward):
                module.export_experts = mode

    def set_dense_experts(self, dense: bool) -> None:
        for module in self.modules():
            if isinstance(module, MoEFeedForward):
                module.dense_experts = dense

    def parameter_counts(self) -> tuple[int, int]:
        """(total, active per token): a token runs top_k of the n_experts experts."""
        total = sum(p.numel() for p in self.parameters())
        inactive = 0
        for module in self.modules():
            if isinstance(module, MoEFeedForward):
                expert_parameters = sum(p.numel() for p in (module.w_in, module.b_in, module.w_out, module.b_out))
                n_experts = module.w_in.shape[0]
                inactive += expert_parameters * (n_experts - module.top_k) // n_experts
        return total, total - inactive
