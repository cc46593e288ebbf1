"""One transformer for both language models: GPT-2's pre-norm blocks (learned
positions, GELU MLP, tied unembedding). `causal=True` masks attention to the
left (the GPT); `causal=False` lets every token see every other (the masked
LM). Nothing else differs."""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class Block(nn.Module):
    def __init__(self, d, heads, causal):
        super().__init__()
        self.heads, self.causal = heads, causal
        self.ln1 = nn.LayerNorm(d)
        self.qkv = nn.Linear(d, 3 * d)
        self.proj = nn.Linear(d, d)
        self.ln2 = nn.LayerNorm(d)
        self.fc = nn.Linear(d, 4 * d)
        self.out = nn.Linear(4 * d, d)

    def forward(self, x, bias):
        b, t, d = x.shape
        h = self.heads
        q, k, v = self.qkv(self.ln1(x)).split(d, dim=2)
        q = q.view(b, t, h, d // h).transpose(1, 2)
        k = k.view(b, t, h, d // h).transpose(1, 2)
        v = v.view(b, t, h, d // h).transpose(1, 2)
        scores = (q @ k.transpose(-2, -1)) / math.sqrt(d // h) + bias
        attention = torch.softmax(scores, dim=-1)
        y = (attention @ v).transpose(1, 2).reshape(b, t, d)
        x = x + self.proj(y)
        x = x + self.out(F.gelu(self.fc(self.ln2(x))))
        return x, attention


class LanguageModel(nn.Module):
    def __init__(self, vocab, d=128, layers=4, heads=4, context=128, causal=True):
        super().__init__()
        self.config = dict(vocab=vocab, d=d, layers=layers, heads=heads, context=context, causal=causal)
        self.causal = causal
        self.tok = nn.Embedding(vocab, d)
        self.pos = nn.Embedding(context, d)
        self.blocks = nn.ModuleList(Block(d, heads, causal) for _ in range(layers))
        self.ln_f = nn.LayerNorm(d)
        self.apply(self._init)
        for block in self.blocks:  # GPT-2's scaled init of the residual projections
            for layer in (block.proj, block.out):
                nn.init.normal_(layer.weight, std=0.02 / math.sqrt(2 * layers))

    @staticmethod
    def _init(module):
        if isinstance(module, (nn.Linear, nn.Embedding)):
            nn.init.normal_(module.weight, std=0.02)
        if isinstance(module, nn.Linear) and module.bias is not None:
            nn.init.zeros_(module.bias)

    def bias(self, t, device):
        if not self.causal:
            return torch.zeros(1, 1, t, t, device=device)
        upper = torch.triu(torch.ones(t, t, dtype=torch.bool, device=device), diagonal=1)
        return torch.zeros(t, t, device=device).masked_fill(upper, float("-inf")).view(1, 1, t, t)

    def unembed(self, hidden):
        """The final norm and the tied unembedding: logits from any layer's hidden state."""
        return self.ln_f(hidden) @ self.tok.weight.t()

    def forward(self, ids, with_internals=False):
        t = ids.shape[1]
        positions = torch.arange(t, device=ids.device)
        x = self.tok(ids) + self.pos(positions)
        bias = self.bias(t, ids.device)
        hidden, attentions = [x], []
        for block in self.blocks:
            x, attention = block(x, bias)
            hidden.append(x)
            attentions.append(attention)
        logits = self.unembed(x)
        if not with_internals:
            return logits
        return logits, torch.stack(hidden), torch.stack(attentions)
