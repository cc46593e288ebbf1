"""Held-out figures in one run, on one evaluation text: the GPT's perplexity
(PyTorch, sliding windows exactly as src/lib/lm/perplexity.ts), the masked
LM's pseudo-perplexity, and an interpolated modified Kneser-Ney 5-gram
(Chen & Goodman 1998) trained on the same training split and tokens.

  python3 scripts/train/baselines.py [--work build/lm-train] [--out data/lm]

Writes data/lm/eval-texts.json (the evaluation documents: from the test
split, 40 per source, each cut to its first 300 words) and
data/lm/baselines.json."""
import argparse
import json
import math
import os
import time

import numpy as np
import torch
import torch.nn.functional as F

import tokenizer as tk
from export import load
from train import ROOT, read_split

PER_SOURCE, WORDS = 40, 300
SHINGLE = 8  # words: an evaluation document's 8-word sequences found in training measure its overlap
NOVEL = 0.2  # documents with less than this overlap count as novel text
BITS = 12  # token ids < 4096 → five ids fit in 60 bits
ORDER = 5


def eval_texts(corpus):
    by_source = {}
    for record in read_split(corpus, "test"):
        docs = by_source.setdefault(record["source"], [])
        if len(docs) < PER_SOURCE:
            words = tk.normalise(record["text"]).split(" ")
            docs.append(dict(source=record["source"], id=record["id"], text=" ".join(words[:WORDS])))
    return [d for source in sorted(by_source) for d in by_source[source]]


def training_shingles(corpus):
    seen = set()
    for record in read_split(corpus, "train"):
        words = tk.normalise(record["text"]).split(" ")
        for i in range(len(words) - SHINGLE + 1):
            seen.add(hash(tuple(words[i:i + SHINGLE])))
    return seen


def overlap(text, seen):
    words = text.split(" ")
    shingles = [hash(tuple(words[i:i + SHINGLE])) for i in range(len(words) - SHINGLE + 1)]
    return sum(s in seen for s in shingles) / len(shingles) if shingles else 0.0


def keys_of(stream, k):
    n = len(stream) - k + 1
    key = np.zeros(n, dtype=np.int64)
    for j in range(k):
        key = (key << BITS) | stream[j:j + n].astype(np.int64)
    return key


class KneserNey:
    def __init__(self, stream, vocab):
        self.vocab = vocab
        self.tables = {}
        raw_unique = {k: np.unique(keys_of(stream, k), return_counts=True) for k in range(1, ORDER + 1)}
        for k in range(1, ORDER + 1):
            if k == ORDER:
                keys, counts = raw_unique[k]
            else:  # continuation counts: distinct left neighbours of the k-gram
                longer = raw_unique[k + 1][0]
                keys, counts = np.unique(longer & ((1 << (BITS * k)) - 1), return_counts=True)
            n = [np.sum(counts == i) for i in (1, 2, 3, 4)]
            y = n[0] / (n[0] + 2 * n[1])
            d = np.array([0.0, 1 - 2 * y * n[1] / n[0], 2 - 3 * y * n[2] / n[1], 3 - 4 * y * n[3] / n[2]])
            contexts = keys >> BITS
            ctx, first = np.unique(contexts, return_index=True)
            total = np.add.reduceat(counts, first)
            n1 = np.add.reduceat((counts == 1).astype(np.int64), first)
            n2 = np.add.reduceat((counts == 2).astype(np.int64), first)
            n3 = np.add.reduceat((counts >= 3).astype(np.int64), first)
            gamma = (d[1] * n1 + d[2] * n2 + d[3] * n3) / total
            self.tables[k] = dict(keys=keys, counts=counts, d=d, ctx=ctx, total=total, gamma=gamma)

    @staticmethod
    def find(sorted_keys, queries):
        at = np.searchsorted(sorted_keys, queries)
        at = np.minimum(at, len(sorted_keys) - 1)
        return at, sorted_keys[at] == queries

    def probabilities(self, histories, targets, orders):
        """P(target | history) with the longest order each position allows."""
        p = np.full(len(targets), 1.0 / self.vocab)
        for k in range(1, ORDER + 1):
            t = self.tables[k]
            active = orders >= k
            ctx_key = np.zeros(len(targets), dtype=np.int64)
            for j in range(k - 1):
                ctx_key = (ctx_key << BITS) | histories[:, ORDER - k + j]
            full_key = (ctx_key << BITS) | targets
            ci, cfound = self.find(t["ctx"], ctx_key)
            gi, gfound = self.find(t["keys"], full_key)
            count = np.where(gfound, t["counts"][gi], 0)
            d = t["d"][np.minimum(count, 3)]
            total = t["total"][ci]
            gamma = t["gamma"][ci]
            higher = np.maximum(count - d, 0) / np.maximum(total, 1) + gamma * p
            p = np.where(active & cfound, higher, p)
        return p

    def nll(self, docs_ids):
        hist, targ, orders = [], [], []
        for ids in docs_ids:
            padded = [tk.EOS] * (ORDER - 1) + ids  # ids starts with EOS
            for i in range(1, len(ids)):
                j = i + ORDER - 1
                hist.append(padded[j - (ORDER - 1):j])
                targ.append(ids[i])
                orders.append(min(ORDER, i + 1))
        p = self.probabilities(np.array(hist, dtype=np.int64), np.array(targ, dtype=np.int64),
                               np.array(orders))
        return float(-np.log(p).sum()), len(targ)


@torch.no_grad()
def causal_nll(model, ids):
    """Sliding windows of `context` tokens, stride context/2; each token scored once."""
    context = model.config["context"]
    total, scored, begin = 0.0, 1, 0
    stride = context // 2
    while scored < len(ids):
        end = min(begin + context, len(ids))
        window = torch.tensor([ids[begin:end]])
        logp = F.log_softmax(model(window)[0].double(), dim=-1)
        for pos in range(max(scored, begin + 1), end):
            total -= float(logp[pos - begin - 1, ids[pos]])
        scored = end
        begin += stride
    return total


@torch.no_grad()
def pseudo_nll(model, ids):
    """Each text token masked in turn, its window centred on it; ids = [EOS] text [EOS]."""
    context = model.config["context"]
    total = 0.0
    for i in range(1, len(ids) - 1):
        begin = max(0, min(i - context // 2, len(ids) - context))
        window = list(ids[begin:begin + context])
        window[i - begin] = tk.MASK
        logp = F.log_softmax(model(torch.tensor([window]))[0, i - begin].double(), dim=-1)
        total -= float(logp[ids[i]])
    return total


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--work", default=os.path.join(ROOT, "build", "lm-train"))
    parser.add_argument("--out", default=os.path.join(ROOT, "data", "lm"))
    parser.add_argument("--corpus", default=os.path.join(ROOT, "build", "lm-corpus"))
    parser.add_argument("--mlm-docs", type=int, default=10, help="documents per source for pseudo-perplexity")
    args = parser.parse_args()
    with open(os.path.join(args.work, "tokenizer.json"), encoding="utf-8") as f:
        bpe = tk.Bpe(json.load(f))
    docs = eval_texts(args.corpus)
    with open(os.path.join(args.out, "eval-texts.json"), "w", encoding="utf-8") as f:
        json.dump(dict(per_source=PER_SOURCE, words=WORDS, documents=docs), f, ensure_ascii=False)
    ids = [[tk.EOS] + bpe.encode(d["text"]) for d in docs]
    words = sum(len(d["text"].split(" ")) for d in docs)
    tokens = sum(len(x) - 1 for x in ids)
    started = time.time()
    kn = KneserNey(np.load(os.path.join(args.work, "train.npy")).astype(np.int64), len(bpe.vocab))
    kn_nll, kn_tokens = kn.nll(ids)
    kn_seconds = time.time() - started
    assert kn_tokens == tokens
    result = dict(documents=len(docs), tokens=tokens, words=words,
                  kneser_ney_5gram=dict(nll=kn_nll, nllPerToken=kn_nll / tokens, nllPerWord=kn_nll / words,
                                        perplexityPerWord=math.exp(kn_nll / words), seconds=round(kn_seconds, 1)))
    gpt_path = os.path.join(args.work, "gpt")
    snaps = sorted((p for p in os.listdir(gpt_path) if p.startswith("snapshot-")), key=lambda p: int(p[9:-3]))
    result["gpt_checkpoints"] = []
    gpt = None
    for snap in snaps:
        model, snapshot = load(os.path.join(gpt_path, snap))
        gpt = model
        nll = sum(causal_nll(model, x) for x in ids)
        result["gpt_checkpoints"].append(dict(step=snapshot["step"], nll=nll, nllPerToken=nll / tokens,
                                              nllPerWord=nll / words, perplexityPerWord=math.exp(nll / words)))
    result["gpt"] = result["gpt_checkpoints"][-1]
    mlm_docs = [i for i, d in enumerate(docs) if [x["source"] for x in docs[:i]].count(d["source"]) < args.mlm_docs]
    mlm_path = os.path.join(args.work, "mlm")
    snaps = sorted((p for p in os.listdir(mlm_path) if p.startswith("snapshot-")), key=lambda p: int(p[9:-3]))
    model, _ = load(os.path.join(mlm_path, snaps[-1]))
    sub_ids = [ids[i] + [tk.EOS] for i in mlm_docs]
    sub_words = sum(len(docs[i]["text"].split(" ")) for i in mlm_docs)
    sub_tokens = sum(len(x) - 2 for x in sub_ids)
    nll = sum(pseudo_nll(model, x) for x in sub_ids)
    gpt_sub = sum(causal_nll(gpt, ids[i]) for i in mlm_docs)
    result["mlm_pseudo"] = dict(documents=len(mlm_docs), tokens=sub_tokens, words=sub_words, nll=nll,
                                nllPerToken=nll / sub_tokens, nllPerWord=nll / sub_words,
                                pseudoPerplexityPerWord=math.exp(nll / sub_words),
                                gptPerplexityPerWordSameText=math.exp(gpt_sub / sub_words))
    result["by_source"] = {}
    for source in sorted({d["source"] for d in docs}):
        chosen = [x for x, d in zip(ids, docs) if d["source"] == source]
        n_words = sum(len(d["text"].split(" ")) for d in docs if d["source"] == source)
        kn_source, n_tokens = kn.nll(chosen)
        gpt_source = sum(causal_nll(gpt, x) for x in chosen)
        result["by_source"][source] = dict(
            documents=len(chosen), tokens=n_tokens, words=n_words,
            kn_nllPerToken=kn_source / n_tokens, gpt_nllPerToken=gpt_source / n_tokens,
            kn_perplexityPerWord=math.exp(kn_source / n_words), gpt_perplexityPerWord=math.exp(gpt_source / n_words))
    seen = training_shingles(args.corpus)
    novel = [i for i, d in enumerate(docs) if overlap(d["text"], seen) < NOVEL]
    chosen = [ids[i] for i in novel]
    n_words = sum(len(docs[i]["text"].split(" ")) for i in novel)
    kn_novel, n_tokens = kn.nll(chosen)
    gpt_novel = sum(causal_nll(gpt, x) for x in chosen)
    result["novel"] = dict(
        rule=f"documents with under {NOVEL:.0%} of their {SHINGLE}-word sequences in the training split",
        documents=len(novel), tokens=n_tokens, words=n_words,
        overlapping_documents=len(docs) - len(novel),
        kn_perplexityPerWord=math.exp(kn_novel / n_words), gpt_perplexityPerWord=math.exp(gpt_novel / n_words),
        ratio_gpt_to_5gram=math.exp((gpt_novel - kn_novel) / n_words))
    result["ratio_gpt_to_5gram"] = result["gpt"]["perplexityPerWord"] / result["kneser_ney_5gram"]["perplexityPerWord"]
    with open(os.path.join(args.out, "baselines.json"), "w", encoding="utf-8") as f:
        json.dump(result, f, indent=1)
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
