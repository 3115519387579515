#!/usr/bin/env python3
"""Converts the free NER corpora of ../shared/data/ner to IOB2 CoNLL files.

usage: python3 extract/data/ner_corpora.py ../shared/data/ner OUTDIR [UD_DIR]

UD_DIR (default: ../ud beside the NER directory) holds GUM's CoNLL-U files.

Writes, one "token TAG" a line, a blank line between sentences and a
-DOCSTART- line before every document, tags PER/LOC/ORG/MISC in IOB2:

  wikigold.iob2   Wikipedia (IOB1 -> IOB2), every document but every fifth
  wikigold.test   the fifth of wikigold's documents held out (i % 5 == 4)
  sec.iob2        SEC filings (IOB1 -> IOB2)
  btc.iob2        Broad Twitter Corpus
  wnut17.iob2     WNUT-17 (person, location, group/corporation -> ORG,
                  creative-work/product -> MISC)
  gum.iob2        GUM news/interview/voyage: one type per token and no BIO,
                  nominal mentions too; only capitalised spans are kept as
                  names (a leading "the" dropped), a lone capitalised word
                  at a sentence start is left out
  re3d.iob2       re3d (Organisation, Location, Person, Nationality -> MISC)
  uner_ewt.iob2   Universal NER over UD English-EWT dev (web text)
  uner_ewt.test   Universal NER over UD English-EWT test: held out
  gum_news.iob2   GUM's entity annotation (UD MISC column, ../shared/data/ud
                  en_gum-ud-{train,dev}.conllu, CC BY genres only): the news
                  genre (Wikinews), weighed above the rest by train.go
  gum_other.iob2  the same for GUM's other CC BY genres (bio, interview,
                  voyage, textbook, vlog, speech, conversation)

Files ending .iob2 are trained on; files ending .test are only scored, by
nertrain and by ../shared/eval/conll_ner.py.

The outputs are training and evaluation data for the NER model
(train.go, go run ./extract/internal/nertrain); they are not shipped. Licences: see each source's
LICENSE file and NOTICE.md.
"""
import glob, os, re, sys

src, out = sys.argv[1], sys.argv[2]
ud = sys.argv[3] if len(sys.argv) > 3 else os.path.join(os.path.dirname(os.path.abspath(src)), "ud")
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


# wikigold and SEC filings: IOB1. Every fifth wikigold document is held out.
wikigold = [[iob1_to_iob2(s) for s in d] for d in read_conll(os.path.join(src, "wikigold/wikigold.conll.txt"))]
write("wikigold.iob2", (d for i, d in enumerate(wikigold) if i % 5 != 4))
write("wikigold.test", (d for i, d in enumerate(wikigold) if i % 5 == 4))
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



def read_uner(path):
    """Yields the documents of a Universal NER file (index, token, tag)."""
    doc, sent = [], []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("# newdoc"):
            if sent:
                doc.append(sent); sent = []
            if doc:
                yield doc
            doc = []
        elif line.startswith("#"):
            continue
        elif not line.strip():
            if sent:
                doc.append(sent); sent = []
        else:
            parts = line.split("\t")
            sent.append((parts[1].replace(" ", "_"), parts[2]))
    if sent:
        doc.append(sent)
    if doc:
        yield doc


UNER = {"PER": "PER", "LOC": "LOC", "ORG": "ORG"}
uner = os.path.join(src, "uner_ewt")
write("uner_ewt.iob2", ([retype(s, UNER) for s in d] for d in read_uner(os.path.join(uner, "en_ewt-ud-dev.iob2"))))
write("uner_ewt.test", ([retype(s, UNER) for s in d] for d in read_uner(os.path.join(uner, "en_ewt-ud-test.iob2"))))

# GUM: entity mentions of the CoNLL-U MISC column, "Entity=(12-person-...",
# closed by "12)". A mention is a name when its words, a leading "the" left
# out, are proper nouns (or connectors between them) and capitalised.
GUM = {"person": "PER", "place": "LOC", "organization": "ORG", "event": "MISC",
       "object": "MISC", "abstract": "MISC", "substance": "MISC"}
CONNECT = {"of", "and", "&", "de", "du", "la", "von", "van", "der", "al", "the", "for"}
ENTITY = re.compile(r"\((\d+)-([a-z]+)[^()]*(\))?|(\d+)\)")


def read_gum(path):
    """Yields (genre, sentences) per document; a sentence is a list of
    (word, upos, [(start, end, type)]) with mention spans on its first word."""
    genre, doc, sent, stack = "", [], [], {}
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("# newdoc"):
            if doc:
                yield genre, doc
            genre = line.split("=", 1)[1].strip().split("_")[1]
            doc = []
            continue
        if line.startswith("#"):
            continue
        if not line.strip():
            if sent:
                doc.append(sent)
            sent, stack = [], {}
            continue
        cols = line.split("\t")
        if "-" in cols[0] or "." in cols[0]:
            continue
        sent.append([cols[1], cols[3], []])
        k = len(sent) - 1
        misc = dict(kv.split("=", 1) for kv in cols[9].split("|") if "=" in kv)
        for m in ENTITY.finditer(misc.get("Entity", "")):
            if m.group(1):
                if m.group(3):
                    sent[k][2].append((k, k, m.group(2)))
                else:
                    stack.setdefault(m.group(1), []).append((k, m.group(2)))
            elif stack.get(m.group(4)):
                a, typ = stack[m.group(4)].pop()
                sent[a][2].append((a, k, typ))
    if sent:
        doc.append(sent)
    if doc:
        yield genre, doc


def gum_named(sent, a, b):
    """The name within mention [a, b], or None: a leading "the" left out,
    every word capitalised or a connector between them, and one at least a
    proper noun."""
    if sent[a][0].lower() == "the":
        a += 1
    if a > b or not sent[a][0][:1].isupper() or not sent[b][0][:1].isupper():
        return None
    if not any(sent[k][1] == "PROPN" for k in range(a, b + 1)):
        return None
    for k in range(a, b + 1):
        if not (sent[k][0][:1].isupper() or sent[k][0] in CONNECT):
            return None
    return a, b


def gum_sent(sent):
    tags = ["O"] * len(sent)
    spans = []
    for k in range(len(sent)):
        for a, b, typ in sent[k][2]:
            if typ in GUM:
                n = gum_named(sent, a, b)
                if n:
                    spans.append((n[1] - n[0], n[0], n[1], GUM[typ]))
    # The longest names first; a name inside a longer one is left out.
    for _, a, b, t in sorted(spans, reverse=True):
        if any(tags[k] != "O" for k in range(a, b + 1)):
            continue
        for k in range(a, b + 1):
            tags[k] = ("B-" if k == a else "I-") + t
    return [(sent[k][0].replace(" ", "_"), tags[k]) for k in range(len(sent))]


news, other = [], []
for p in ("en_gum-ud-train.conllu", "en_gum-ud-dev.conllu"):
    for genre, d in read_gum(os.path.join(ud, p)):
        (news if genre == "news" else other).append([gum_sent(s) for s in d])
write("gum_news.iob2", news)
write("gum_other.iob2", other)
