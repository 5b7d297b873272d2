#!/usr/bin/env bash
# Writes CMU Sphinx's generic US English model (Debian's pocketsphinx-en-us, BSD-2-Clause) as ARPA text,
# for training/general_lm.py:
#   bash training/tools/sphinx_lm_to_arpa.sh /tmp/en-us.arpa
# Debian's sphinx_lm_convert stops on an assertion with this model (its ARPA writer finds 6 of the
# 2,051,547 declared bigrams missing), so the converter is built from Debian's sphinxbase source with
# the assertion turned into a warning. Needs a deb-src entry for bookworm, bison, gcc and make.
set -euo pipefail
out="$(realpath -m "${1:?usage: $0 OUT.arpa}")"
model=/usr/share/pocketsphinx/model/en-us/en-us.lm.bin
[ -f "$model" ] || { echo "$model is missing: apt-get install pocketsphinx-en-us" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
apt-get source -q --download-only sphinxbase >/dev/null
tar xzf sphinxbase_*.orig.tar.gz
cd sphinxbase-*/
sed -i 's/^\( *\)assert(raw_ngram_idx == base->n_counts\[i - 1\]);/\1if (raw_ngram_idx != base->n_counts[i - 1]) { fprintf(stderr, "order %d: %u of %u n-grams found\\n", i, raw_ngram_idx, base->n_counts[i - 1]); base->n_counts[i - 1] = raw_ngram_idx; }/' \
  src/libsphinxbase/lm/ngram_model_trie.c
grep -q 'n-grams found' src/libsphinxbase/lm/ngram_model_trie.c || { echo "the patch did not apply" >&2; exit 1; }
./configure -q --without-python --disable-shared >/dev/null
make -s -j"$(nproc)" >/dev/null 2>&1
src/sphinx_lmtools/sphinx_lm_convert -i "$model" -o "$out" -ofmt arpa 2>&1 | grep -v '^INFO' | grep 'n-grams found' >&2 || true
echo "$out: $(wc -c <"$out") bytes"
