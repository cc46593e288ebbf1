"""Exports trained snapshots to ONNX in the layout transformers.js loads, with
reference outputs for the JavaScript tests.

  python3 scripts/train/export.py [--work build/lm-train] [--out data/lm]

Writes, for gpt and mlm: model.onnx (the final snapshot), config.json,
lens.bin (final norm and unembedding, for the logit lens), training.json
(the loss log) and reference.json (PyTorch's outputs on fixed texts); for the
GPT also checkpoints/step-<n>.onnx. The shared tokenizer.json and
tokenizer_config.json go to the top of --out, with tokenizer-fixture.json
(Python's ids for held-out texts)."""
import argparse
import glob
import json
import os
import shutil

import numpy as np
import torch

import tokenizer as tk
from model import LanguageModel
from train import ROOT, read_split

REFERENCE_TEXTS = [
    "John wants his bank to cash the",
    "The river bank was muddy after the rain, and the fish swam near it.",
    "Fellow citizens, the state of our Union is strong.",
    "Call me Ishmael.",
    "John wants his bank to [MASK] the check.",
]


class Exported(torch.nn.Module):
    """Named outputs as the encoder adapter (src/lib/encoder) reads them: logits;
    token_embeddings (the embedding row, no position); hidden_state_0 (embedding
    + position, the input of block 1) and hidden_state_<i> (block i's output);
    attention_<i-1> [batch, heads, seq, seq] of block i."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, input_ids, attention_mask):
        m = self.model
        t = input_ids.shape[1]
        embedded = m.tok(input_ids)
        x = embedded + m.pos(torch.arange(t))
        pad = (attention_mask[:, None, None, :] == 0)
        bias = m.bias(t, input_ids.device).masked_fill(pad, float("-inf"))
        outputs = [x]
        attentions = []
        for block in m.blocks:
            x, attention = block(x, bias)
            outputs.append(x)
            attentions.append(attention)
        return (m.unembed(x), embedded, *outputs, *attentions)


def output_names(layers):
    return ["logits", "token_embeddings", *[f"hidden_state_{i}" for i in range(layers + 1)],
            *[f"attention_{i}" for i in range(layers)]]


def load(path):
    snapshot = torch.load(path)
    arch = dict(snapshot["meta"]["arch"])
    vocab = arch.pop("vocab")
    model = LanguageModel(vocab, **arch)
    model.load_state_dict(snapshot["model"])
    model.eval()
    return model, snapshot


def export_onnx(model, path):
    layers = model.config["layers"]
    ids = torch.tensor([[5, 6, 7, 8]], dtype=torch.int64)
    mask = torch.ones_like(ids)
    names = output_names(layers)
    axes = {"input_ids": {0: "batch", 1: "sequence"}, "attention_mask": {0: "batch", 1: "sequence"}}
    for name in names:
        axes[name] = {0: "batch", 1: "heads", 2: "sequence", 3: "sequence"} if name.startswith("attention") else {0: "batch", 1: "sequence"}
    torch.onnx.export(Exported(model), (ids, mask), path, input_names=["input_ids", "attention_mask"],
                      output_names=names, dynamic_axes=axes, opset_version=14, do_constant_folding=False)


def write_lens(model, path):
    """float32 little-endian: gamma[d], beta[d], then the embedding matrix [vocab, d]."""
    with torch.no_grad():
        parts = [model.ln_f.weight, model.ln_f.bias, model.tok.weight]
        np.concatenate([p.detach().numpy().astype("<f4").ravel() for p in parts]).tofile(path)


def config_of(model, kind, snapshot, meta):
    c = model.config
    common = dict(vocab_size=c["vocab"], layer_norm_eps=1e-5, eos_token_id=tk.EOS, pad_token_id=tk.PAD,
                  mask_token_id=tk.MASK, unk_token_id=tk.UNK)
    if kind == "gpt":
        arch = dict(model_type="gpt2", architectures=["GPT2LMHeadModel"], n_embd=c["d"], n_layer=c["layers"],
                    n_head=c["heads"], n_positions=c["context"], n_ctx=c["context"], bos_token_id=tk.EOS,
                    activation_function="gelu", use_cache=False)
    else:
        arch = dict(model_type="bert", architectures=["BertForMaskedLM"], hidden_size=c["d"],
                    num_hidden_layers=c["layers"], num_attention_heads=c["heads"],
                    max_position_embeddings=c["context"], intermediate_size=4 * c["d"], hidden_act="gelu")
    return dict(arch, **common, llm_lab=dict(
        kind=kind, causal=c["causal"], parameters=meta["parameters"], steps=snapshot["step"],
        tokens=snapshot["tokens"], batch=meta["batch"], context=c["context"], valid_loss=snapshot["valid_loss"],
        peak_lr=meta["peak_lr"], seed=meta["seed"], torch=meta["torch"]))


@torch.no_grad()
def reference(model, bpe):
    cases = []
    for text in REFERENCE_TEXTS:
        ids = bpe.encode(text)
        logits, hidden, attentions = model(torch.tensor([ids]), with_internals=True)
        cases.append(dict(
            text=text, ids=ids,
            logits_last=[round(float(v), 6) for v in logits[0, -1]],
            logits_first=[round(float(v), 6) for v in logits[0, 0]],
            hidden_last=[[round(float(v), 6) for v in hidden[layer, 0, -1]] for layer in range(hidden.shape[0])],
            attention_last_row=[[[round(float(v), 7) for v in attentions[layer, 0, head, -1]]
                                 for head in range(attentions.shape[2])] for layer in range(attentions.shape[0])],
        ))
    return cases


def tokenizer_fixture(bpe, corpus):
    texts = ["", "   ", "Hello,   world!\n\nNew line.", "naïve café — “quotes” 1987 🐱", "[MASK] at start",
             "a[MASK]b", "John wants his bank to [MASK] the check.", "\u00a0non\u2003breaking\u3000spaces"]
    for record in read_split(corpus, "test")[::25]:
        texts.append(record["text"][:400])
    return [dict(text=t, ids=bpe.encode(t)) for t in texts]


def tokenizer_config():
    return dict(tokenizer_class="PreTrainedTokenizerFast", model_max_length=128, unk_token=tk.SPECIALS[tk.UNK],
                eos_token=tk.SPECIALS[tk.EOS], bos_token=tk.SPECIALS[tk.EOS], pad_token=tk.SPECIALS[tk.PAD],
                mask_token=tk.SPECIALS[tk.MASK], clean_up_tokenization_spaces=False)


def dump(path, value, indent=None):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(value, f, ensure_ascii=False, indent=indent)
        f.write("\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--work", default=os.path.join(ROOT, "build", "lm-train"))
    parser.add_argument("--out", default=os.path.join(ROOT, "data", "lm"))
    parser.add_argument("--corpus", default=os.path.join(ROOT, "build", "lm-corpus"))
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.work, "tokenizer.json"), encoding="utf-8") as f:
        tokenizer = json.load(f)
    bpe = tk.Bpe(tokenizer)
    shutil.copy(os.path.join(args.work, "tokenizer.json"), os.path.join(args.out, "tokenizer.json"))
    dump(os.path.join(args.out, "tokenizer_config.json"), tokenizer_config(), indent=1)
    dump(os.path.join(args.out, "tokenizer-fixture.json"), tokenizer_fixture(bpe, args.corpus))
    for kind in ("gpt", "mlm"):
        work = os.path.join(args.work, kind)
        snapshots = sorted(glob.glob(os.path.join(work, "snapshot-*.pt")),
                           key=lambda p: int(p.rsplit("-", 1)[1][:-3]))
        if not snapshots:
            print(f"{kind}: no snapshots in {work}, skipped")
            continue
        out = os.path.join(args.out, kind)
        os.makedirs(out, exist_ok=True)
        model, snapshot = load(snapshots[-1])
        meta = snapshot["meta"]
        export_onnx(model, os.path.join(out, "model.onnx"))
        write_lens(model, os.path.join(out, "lens.bin"))
        dump(os.path.join(out, "config.json"), config_of(model, kind, snapshot, meta), indent=1)
        dump(os.path.join(out, "reference.json"), reference(model, bpe))
        with open(os.path.join(work, "log.jsonl"), encoding="utf-8") as f:
            log = [json.loads(line) for line in f if line.strip()]
        checkpoints = []
        if kind == "gpt":
            os.makedirs(os.path.join(out, "checkpoints"), exist_ok=True)
            for path in snapshots[:-1]:
                early, early_snapshot = load(path)
                step = early_snapshot["step"]
                export_onnx(early, os.path.join(out, "checkpoints", f"step-{step}.onnx"))
                checkpoints.append(dict(step=step, tokens=early_snapshot["tokens"],
                                        valid_loss=early_snapshot["valid_loss"], file=f"checkpoints/step-{step}.onnx"))
        checkpoints.append(dict(step=snapshot["step"], tokens=snapshot["tokens"],
                                valid_loss=snapshot["valid_loss"], file="model.onnx"))
        dump(os.path.join(out, "training.json"), dict(meta=meta, checkpoints=checkpoints, log=log), indent=None)
        print(f"{kind}: exported step {snapshot['step']} (valid loss {snapshot['valid_loss']:.3f}) → {out}")


if __name__ == "__main__":
    main()
