"""The shared BPE tokenizer: trained with SentencePiece, written as a Hugging
Face tokenizer.json (Metaspace words, BPE merges ranked by the merged piece's
score, byte fallback) and applied here by the same rules, so Python and
transformers.js give identical ids (tests/unit/lm/tokenizer.test.ts checks a
fixture written by train.py)."""
import json
import re

import sentencepiece as spm

SPECIALS = ["<unk>", "<|endoftext|>", "<pad>", "[MASK]"]
UNK, EOS, PAD, MASK = 0, 1, 2, 3
SPACE = "\u2581"
# One explicit class of white space, read alike by Python's re and JavaScript's RegExp.
WHITESPACE_CLASS = "[\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]+"
WHITESPACE = re.compile(WHITESPACE_CLASS)


def normalise(text):
    """White space runs become one space; ends trimmed (the tokenizer.json normalizer)."""
    return WHITESPACE.sub(" ", text).strip(" ")


def train_sentencepiece(lines, prefix, vocab_size):
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_prefix=prefix,
        model_type="bpe",
        vocab_size=vocab_size,
        character_coverage=0.9995,
        byte_fallback=True,
        split_digits=True,
        normalization_rule_name="identity",
        remove_extra_whitespaces=False,
        add_dummy_prefix=True,
        max_sentence_length=20000,
        input_sentence_size=400000,
        shuffle_input_sentence=True,
        unk_id=UNK,
        eos_id=EOS,
        pad_id=PAD,
        bos_id=-1,
        eos_piece=SPECIALS[EOS],
        user_defined_symbols=[SPECIALS[MASK]],
        num_threads=2,
        minloglevel=2,
    )
    sp = spm.SentencePieceProcessor(model_file=f"{prefix}.model")
    return [(sp.id_to_piece(i), sp.get_score(i)) for i in range(sp.get_piece_size())]


def merges_of(pieces):
    """Every split of a vocabulary piece into two vocabulary pieces, ranked by
    the piece's id (SentencePiece BPE orders pieces by merge order)."""
    vocab = {p: i for i, (p, _) in enumerate(pieces)}
    merges = []
    for merged, rank in vocab.items():
        if rank < len(SPECIALS) or (merged.startswith("<0x") and merged.endswith(">")):
            continue
        pairs = []
        for cut in range(1, len(merged)):
            left, right = merged[:cut], merged[cut:]
            if left in vocab and right in vocab:
                pairs.append((vocab[left], vocab[right], left, right))
        for _, _, left, right in sorted(pairs):
            merges.append((rank, left, right))
    merges.sort(key=lambda m: m[0])
    return [(left, right) for _, left, right in merges]


def tokenizer_json(pieces, merges):
    vocab = {p: i for i, (p, _) in enumerate(pieces)}
    added = [
        {"id": i, "content": s, "single_word": False, "lstrip": False, "rstrip": False,
         "normalized": False, "special": True}
        for i, s in enumerate(SPECIALS)
    ]
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": added,
        "normalizer": {"type": "Sequence", "normalizers": [
            {"type": "Replace", "pattern": {"Regex": WHITESPACE_CLASS}, "content": " "},
            {"type": "Strip", "strip_left": True, "strip_right": True},
        ]},
        "pre_tokenizer": {"type": "Metaspace", "replacement": SPACE, "prepend_scheme": "always", "split": True},
        "post_processor": None,
        "decoder": {"type": "Sequence", "decoders": [
            {"type": "Replace", "pattern": {"String": SPACE}, "content": " "},
            {"type": "ByteFallback"},
            {"type": "Fuse"},
            {"type": "Strip", "content": " ", "start": 1, "stop": 0},
        ]},
        "model": {"type": "BPE", "dropout": None, "unk_token": SPECIALS[UNK],
                  "continuing_subword_prefix": None, "end_of_word_suffix": None,
                  "fuse_unk": True, "byte_fallback": True, "ignore_merges": False,
                  "vocab": vocab, "merges": [f"{a} {b}" for a, b in merges]},
    }


class Bpe:
    """The tokenizer.json's BPE, applied word by word with a cache."""

    def __init__(self, tokenizer):
        model = tokenizer["model"]
        self.vocab = model["vocab"]
        self.ranks = {tuple(m.split(" ")): r for r, m in enumerate(model["merges"])}
        self.specials = {t["content"]: t["id"] for t in tokenizer["added_tokens"]}
        self.cache = {}

    def word(self, word):
        hit = self.cache.get(word)
        if hit is not None:
            return hit
        parts = list(word)
        while len(parts) > 1:
            best, at = None, -1
            for i in range(len(parts) - 1):
                rank = self.ranks.get((parts[i], parts[i + 1]))
                if rank is not None and (best is None or rank < best):
                    best, at = rank, i
            if best is None:
                break
            parts[at:at + 2] = [parts[at] + parts[at + 1]]
        ids = []
        for part in parts:
            if part in self.vocab:
                ids.append(self.vocab[part])
            else:
                ids.extend(self.vocab[f"<0x{b:02X}>"] for b in part.encode("utf-8"))
        self.cache[word] = ids
        return ids

    def encode(self, text):
        ids = []
        # Special tokens typed in the text ("[MASK]") stay whole; the rest is normalised piecewise.
        for chunk in re.split(r"(\[MASK\]|<\|endoftext\|>)", text):
            if chunk in self.specials:
                ids.append(self.specials[chunk])
                continue
            chunk = normalise(chunk)
            if not chunk:
                continue
            spaced = SPACE + chunk.replace(" ", SPACE)
            for word in re.findall(f"{SPACE}[^{SPACE}]*|[^{SPACE}]+", spaced):
                ids.extend(self.word(word))
        return ids


def save(path, tokenizer):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(tokenizer, f, ensure_ascii=False)
