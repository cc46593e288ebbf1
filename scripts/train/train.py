"""Trains the course's two language models on build/lm-corpus (made by
`npx tsx scripts/train/corpus.ts`): the shared BPE tokenizer, then a causal
GPT or a masked LM of the same size. Resumable; writes snapshots at fixed
fractions of training for the "watch it learn" widget and a loss log.

  prepare:  python3 scripts/train/train.py prepare
  train:    python3 scripts/train/train.py train --model gpt --steps 3000
  smoke:    python3 scripts/train/train.py smoke          (all of it, tiny, < 1 minute)

Debian packages: python3-torch python3-onnx python3-sentencepiece python3-numpy
libopenblas0-pthread; run with OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=2.
"""
import argparse
import json
import math
import os
import random
import time

import numpy as np
import torch
import torch.nn.functional as F

import tokenizer as tk
from model import LanguageModel

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
ARCH = dict(d=128, layers=4, heads=4, context=128)
VOCAB = 4096
BATCH = 32
SNAPSHOTS = (0.0, 0.01, 0.1, 1.0)


def read_split(corpus, split):
    with open(os.path.join(corpus, f"{split}.jsonl"), encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def prepare(corpus, work, vocab_size=VOCAB, limit=None):
    """Tokenizer (work/tokenizer.json) and the encoded splits (work/<split>.npy, documents joined by EOS)."""
    os.makedirs(work, exist_ok=True)
    train = read_split(corpus, "train")[:limit]
    path = os.path.join(work, "tokenizer.json")
    if not os.path.exists(path):
        lines = []
        for record in train:
            text = tk.normalise(record["text"])
            lines.extend(text[i:i + 20000] for i in range(0, len(text), 20000))
        pieces = tk.train_sentencepiece(lines, os.path.join(work, "spm"), vocab_size)
        tk.save(path, tk.tokenizer_json(pieces, tk.merges_of(pieces)))
    with open(path, encoding="utf-8") as f:
        bpe = tk.Bpe(json.load(f))
    for split in ("train", "valid", "test"):
        out = os.path.join(work, f"{split}.npy")
        if os.path.exists(out):
            continue
        records = train if split == "train" else read_split(corpus, split)[:limit]
        ids = []
        for record in records:
            ids.extend(bpe.encode(record["text"]))
            ids.append(tk.EOS)
        np.save(out, np.array(ids, dtype=np.uint16))
        print(f"{split}: {len(records)} documents, {len(ids)} tokens", flush=True)
    return path


def batch_of(data, rng, batch, context):
    starts = rng.integers(0, len(data) - context - 1, size=batch)
    rows = np.stack([data[s:s + context + 1] for s in starts]).astype(np.int64)
    return torch.from_numpy(rows)


def mask_tokens(rows, gen, vocab):
    """BERT's recipe: 15 % of positions are predicted; of those 80 % become
    [MASK], 10 % a random token, 10 % stay. Returns inputs and targets (-100 = ignored)."""
    chosen = torch.rand(rows.shape, generator=gen) < 0.15
    targets = torch.where(chosen, rows, torch.full_like(rows, -100))
    roll = torch.rand(rows.shape, generator=gen)
    inputs = rows.clone()
    inputs[chosen & (roll < 0.8)] = tk.MASK
    swap = chosen & (roll >= 0.8) & (roll < 0.9)
    inputs[swap] = torch.randint(len(tk.SPECIALS), vocab, rows.shape, generator=gen)[swap]
    return inputs, targets


def loss_of(model, rows, gen=None):
    if model.causal:
        logits = model(rows[:, :-1])
        return F.cross_entropy(logits.reshape(-1, logits.shape[-1]), rows[:, 1:].reshape(-1))
    inputs, targets = mask_tokens(rows[:, :-1], gen, model.config["vocab"])
    logits = model(inputs)
    return F.cross_entropy(logits.reshape(-1, logits.shape[-1]), targets.reshape(-1), ignore_index=-100)


@torch.no_grad()
def evaluate(model, data, batches, context):
    """Mean loss over fixed windows (seed 0; the masked LM's masks seeded too)."""
    model.eval()
    rng, gen = np.random.default_rng(0), torch.Generator().manual_seed(0)
    total = sum(loss_of(model, batch_of(data, rng, BATCH, context), gen).item() for _ in range(batches))
    model.train()
    return total / batches


def learning_rate(step, steps, peak, warmup):
    if step < warmup:
        return peak * (step + 1) / warmup
    progress = (step - warmup) / max(1, steps - warmup)
    return peak * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * min(1.0, progress))))


def train(kind, work, out, steps, peak=2e-3, eval_every=100, eval_batches=20, arch=ARCH, seed=1):
    os.makedirs(out, exist_ok=True)
    data = np.load(os.path.join(work, "train.npy"))
    valid = np.load(os.path.join(work, "valid.npy"))
    with open(os.path.join(work, "tokenizer.json"), encoding="utf-8") as f:
        vocab = len(json.load(f)["model"]["vocab"])
    torch.manual_seed(seed)
    model = LanguageModel(vocab, causal=(kind == "gpt"), **arch)
    decay = [p for n, p in model.named_parameters() if p.dim() >= 2]
    rest = [p for n, p in model.named_parameters() if p.dim() < 2]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.1}, {"params": rest, "weight_decay": 0.0}],
                            lr=peak, betas=(0.9, 0.95))
    state_path = os.path.join(out, "state.pt")
    log_path = os.path.join(out, "log.jsonl")
    step, elapsed = 0, 0.0
    rng, gen = np.random.default_rng(seed), torch.Generator().manual_seed(seed)
    if os.path.exists(state_path):
        state = torch.load(state_path)
        model.load_state_dict(state["model"])
        opt.load_state_dict(state["opt"])
        step, elapsed = state["step"], state["elapsed"]
        rng.bit_generator.state = state["rng"]
        gen.set_state(state["gen"])
        print(f"resumed {kind} at step {step}", flush=True)
    snapshot_steps = sorted({round(f * steps) for f in SNAPSHOTS})
    context = arch["context"]
    meta = dict(kind=kind, steps=steps, batch=BATCH, peak_lr=peak, seed=seed, arch=model.config,
                parameters=sum(p.numel() for p in model.parameters()), torch=torch.__version__,
                threads=torch.get_num_threads())

    def save_state():
        torch.save(dict(model=model.state_dict(), opt=opt.state_dict(), step=step, elapsed=elapsed,
                        rng=rng.bit_generator.state, gen=gen.get_state(), meta=meta), state_path + ".tmp")
        os.replace(state_path + ".tmp", state_path)

    def log(entry):
        with open(log_path, "a", encoding="utf-8") as f:
            f.write(json.dumps(entry) + "\n")
        print(json.dumps(entry), flush=True)

    running, started = None, time.time() - elapsed
    while True:
        if step in snapshot_steps and not os.path.exists(os.path.join(out, f"snapshot-{step}.pt")):
            valid_loss = evaluate(model, valid, eval_batches, context)
            torch.save(dict(model=model.state_dict(), meta=meta, step=step, valid_loss=valid_loss,
                            tokens=step * BATCH * context), os.path.join(out, f"snapshot-{step}.pt"))
            log(dict(step=step, snapshot=True, valid_loss=valid_loss, tokens=step * BATCH * context,
                     seconds=round(time.time() - started, 1)))
        if step >= steps:
            break
        for group in opt.param_groups:
            group["lr"] = learning_rate(step, steps, peak, warmup=max(1, steps // 50))
        loss = loss_of(model, batch_of(data, rng, BATCH, context), gen)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        step += 1
        running = loss.item() if running is None else 0.98 * running + 0.02 * loss.item()
        elapsed = time.time() - started
        if step % eval_every == 0 or step == steps:
            entry = dict(step=step, train_loss=round(running, 4), tokens=step * BATCH * context,
                         seconds=round(elapsed, 1), tokens_per_second=round(step * BATCH * context / max(elapsed, 1e-9)))
            if step % (eval_every * 5) == 0 or step == steps:
                entry["valid_loss"] = round(evaluate(model, valid, eval_batches, context), 4)
            log(entry)
            save_state()
    save_state()
    with open(os.path.join(out, "meta.json"), "w", encoding="utf-8") as f:
        json.dump(dict(meta, seconds=round(elapsed, 1)), f, indent=1)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["prepare", "train", "smoke"])
    parser.add_argument("--model", choices=["gpt", "mlm"])
    parser.add_argument("--steps", type=int, default=3000)
    parser.add_argument("--corpus", default=os.path.join(ROOT, "build", "lm-corpus"))
    parser.add_argument("--work", default=os.path.join(ROOT, "build", "lm-train"))
    args = parser.parse_args()
    if args.command == "prepare":
        prepare(args.corpus, args.work)
    elif args.command == "train":
        if not args.model:
            parser.error("train needs --model gpt or --model mlm")
        prepare(args.corpus, args.work)
        train(args.model, args.work, os.path.join(args.work, args.model), args.steps)
    else:
        import tempfile
        work = tempfile.mkdtemp(prefix="lm-smoke-")
        prepare(args.corpus, work, vocab_size=600, limit=300)
        small = dict(d=32, layers=2, heads=2, context=32)
        for kind in ("gpt", "mlm"):
            train(kind, work, os.path.join(work, kind), steps=40, eval_every=10, eval_batches=2, arch=small)
        print(f"smoke: done in {work}", flush=True)


if __name__ == "__main__":
    main()
