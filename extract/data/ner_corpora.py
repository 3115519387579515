#!/usr/bin/env python3
"""Converts the free NER corpora of ../shared/data/ner to IOB2 CoNLL files.

usage: python3 extract/data/ner_corpora.py ../shared/data/ner OUTDIR

Writes, one "token TAG" a line, a blank line between sentences and a
-DOCSTART- line before every document, tags PER/LOC/ORG/MISC in IOB2:

  wikigold.iob2   Wikipedia (IOB1 -> IOB2), 145 documents: the held-out set
  sec.iob2        SEC filings (IOB1 -> IOB2)
  btc.iob2        Broad Twitter Corpus
  wnut17.iob2     WNUT-17 (person, location, group/corporation -> ORG,
                  creative-work/product -> MISC)
  gum.iob2        GUM news/interview/voyage: one type per token and no BIO,
                  nominal mentions too; only capitalised spans are kept as
                  names (a leading "the" dropped), a lone capitalised word
                  at a sentence start is left out
  re3d.iob2       re3d (Organisation, Location, Person, Nationality -> MISC)

The outputs are training and evaluation data for the NER model
(train.go, go run ./extract/internal/nertrain); they are not shipped. Licences: see each source's
LICENSE file and NOTICE.md.
"""
import glob, os, sys

src, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)


def read_conll(path, sep=None, col=-1):
    """Yields documents: lists of sentences of (token, tag)."""
    doc, sent = [], []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("-DOCSTART-"):
            if sent:
                doc.append(sent); sent = []
            if doc:
                yield doc
            doc = []
            continue
        parts = line.split(sep) if sep else line.split()
        if not line.strip() or not parts:
            if sent:
                doc.append(sent); sent = []
            continue
        tok = parts[0].strip()
        if not tok:
            continue
        tag = parts[col].strip() if len(parts) > 1 else "O"
        sent.append((tok.replace(" ", "_"), tag))
    if sent:
        doc.append(sent)
    if doc:
        yield doc


def iob1_to_iob2(sent):
    outs, prev = [], "O"
    for tok, tag in sent:
        if tag.startswith("I-") and (prev == "O" or prev[2:] != tag[2:]):
            tag = "B-" + tag[2:]
        outs.append((tok, tag))
        prev = tag
    return outs


def retype(sent, m):
    """Maps BIO types through m; an unmapped type becomes O."""
    outs, prev = [], "O"
    for tok, tag in sent:
        if tag == "O" or len(tag) < 3 or tag[1] != "-":
            outs.append((tok, "O")); prev = "O"; continue
        t = m.get(tag[2:])
        if t is None:
            outs.append((tok, "O")); prev = "O"; continue
        b = tag[0]
        if b == "I" and prev[2:] != t:
            b = "B"
        outs.append((tok, b + "-" + t)); prev = b + "-" + t
    return outs


def write(name, docs):
    n = 0
    with open(os.path.join(out, name), "w", encoding="utf-8") as f:
        for d in docs:
            f.write("-DOCSTART- O\n\n")
            for s in d:
                for tok, tag in s:
                    f.write("%s %s\n" % (tok, tag))
                    n += 1
                f.write("\n")
    print(name, n, "tokens", file=sys.stderr)


def split_docs(docs, size=40):
    """Cuts documents without -DOCSTART- (tweets) into pseudo-documents."""
    for d in docs:
        for i in range(0, len(d), size):
            yield d[i:i + size]


# wikigold and SEC filings: IOB1.
write("wikigold.iob2", ([iob1_to_iob2(s) for s in d] for d in read_conll(os.path.join(src, "wikigold/wikigold.conll.txt"))))
sec = []
for p in sorted(glob.glob(os.path.join(src, "sec_filings/*.txt"))):
    if "README" in p:
        continue
    sec += [[iob1_to_iob2(s) for s in d] for d in read_conll(p)]
write("sec.iob2", sec)

btc = []
for p in sorted(glob.glob(os.path.join(src, "btc/*.conll"))):
    btc += list(split_docs(read_conll(p, sep="\t")))
write("btc.iob2", ([retype(s, {"PER": "PER", "LOC": "LOC", "ORG": "ORG"}) for s in d] for d in btc))

WNUT = {"person": "PER", "location": "LOC", "group": "ORG", "corporation": "ORG",
        "creative-work": "MISC", "product": "MISC"}
wnut = []
for p in sorted(glob.glob(os.path.join(src, "wnut17/*"))):
    wnut += list(split_docs(read_conll(p, sep="\t")))
write("wnut17.iob2", ([retype(s, WNUT) for s in d] for d in wnut))

RE3D = {"Organisation": "ORG", "Location": "LOC", "Person": "PER", "Nationality": "MISC"}
re3d = []
for p in sorted(glob.glob(os.path.join(src, "re3d/*/*.conll"))):
    re3d += [[retype(s, RE3D) for s in d] for d in read_conll(p, sep="\t")]
write("re3d.iob2", re3d)

GUM = {"person": "PER", "place": "LOC", "organization": "ORG", "event": "MISC",
       "object": "MISC", "abstract": "MISC", "substance": "MISC"}
CONNECT = {"of", "and", "&", "de", "du", "la", "von", "van", "der", "al", "the", "for"}
PRONOUNS = {"I", "He", "She", "It", "They", "We", "You", "His", "Her", "Their", "Our",
            "Its", "My", "Your", "This", "That", "These", "Those", "Me", "Him", "Them", "Us"}


def gum_sent(sent):
    tags = ["O"] * len(sent)
    i = 0
    while i < len(sent):
        typ = sent[i][1]
        j = i
        while j + 1 < len(sent) and sent[j + 1][1] == typ:
            j += 1
        if typ in GUM:
            a, b = i, j
            while a <= b and not sent[a][0][:1].isupper():
                a += 1
            while b >= a and not sent[b][0][:1].isupper():
                b -= 1
            ok = a <= b and all(sent[k][0][:1].isupper() or sent[k][0] in CONNECT for k in range(a, b + 1))
            if ok and any(sent[k][0] in PRONOUNS for k in range(a, b + 1)):
                ok = False
            if ok and a == b == 0:
                ok = False
            if ok:
                t = GUM[typ]
                for k in range(a, b + 1):
                    tags[k] = ("B-" if k == a else "I-") + t
        i = j + 1
    return [(sent[k][0], tags[k]) for k in range(len(sent))]


gum = []
for p in sorted(glob.glob(os.path.join(src, "gum/*/*.tsv"))):
    gum += [[gum_sent(s) for s in d] for d in read_conll(p, sep="\t")]
write("gum.iob2", gum)
