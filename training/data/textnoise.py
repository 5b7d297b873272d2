"""Stage 4: grammar and spelling errors injected by rules into clean written sentences (text task)."""

from __future__ import annotations

import random
import re
from typing import Callable, Dict, List, Optional, Sequence, Tuple

ARTICLES = ["a", "an", "the"]
PREPOSITIONS = "in on at to for of with from by about into over".split()
CONFUSABLE_SETS = [
    ["their", "there", "they're"],
    ["its", "it's"],
    ["your", "you're"],
    ["then", "than"],
    ["to", "too"],
    ["affect", "effect"],
    ["lose", "loose"],
    ["whose", "who's"],
    ["were", "where"],
    ["accept", "except"],
    ["weather", "whether"],
]
AGREEMENT_PAIRS = [
    ("is", "are"),
    ("was", "were"),
    ("has", "have"),
    ("does", "do"),
    ("doesn't", "don't"),
    ("isn't", "aren't"),
    ("wasn't", "weren't"),
]
IRREGULAR_VERBS = [
    ("go", "went", "gone"),
    ("take", "took", "taken"),
    ("give", "gave", "given"),
    ("write", "wrote", "written"),
    ("see", "saw", "seen"),
    ("come", "came", "come"),
    ("make", "made", "made"),
    ("know", "knew", "known"),
    ("begin", "began", "begun"),
    ("choose", "chose", "chosen"),
    ("speak", "spoke", "spoken"),
    ("bring", "brought", "brought"),
    ("buy", "bought", "bought"),
    ("think", "thought", "thought"),
    ("send", "sent", "sent"),
    ("pay", "paid", "paid"),
    ("grow", "grew", "grown"),
    ("rise", "rose", "risen"),
    ("fall", "fell", "fallen"),
]
MISSPELLINGS = {
    "receive": "recieve",
    "believe": "beleive",
    "definitely": "definately",
    "separate": "seperate",
    "occurred": "occured",
    "occurrence": "occurence",
    "necessary": "neccessary",
    "accommodate": "accomodate",
    "government": "goverment",
    "environment": "enviroment",
    "business": "buisness",
    "beginning": "begining",
    "committee": "commitee",
    "successful": "succesful",
    "recommend": "reccomend",
    "address": "adress",
    "across": "accross",
    "until": "untill",
    "tomorrow": "tommorow",
    "foreign": "foriegn",
    "which": "wich",
    "because": "becuase",
    "really": "realy",
    "finally": "finaly",
    "government's": "goverment's",
    "achieve": "acheive",
    "argument": "arguement",
    "calendar": "calender",
    "existence": "existance",
    "independent": "independant",
    "maintenance": "maintainance",
    "millennium": "millenium",
    "noticeable": "noticable",
    "publicly": "publically",
    "referred": "refered",
    "relevant": "relevent",
    "schedule": "schedual",
    "truly": "truely",
    "weird": "wierd",
    "where": "wher",
    "with": "whith",
    "the": "teh",
    "and": "adn",
    "important": "importent",
    "people": "poeple",
    "state": "sate",
    "years": "yeras",
    "congress": "congres",
    "country": "contry",
    "national": "nationl",
    "public": "publc",
    "received": "recieved",
    "payment": "paymant",
    "invoice": "invoce",
    "meeting": "meating",
    "budget": "buget",
    "report": "reprot",
    "quarter": "quater",
    "employees": "employes",
    "customer": "costumer",
    "february": "febuary",
    "wednesday": "wensday",
    "similar": "similiar",
    "probably": "probly",
    "different": "diffrent",
    "interest": "intrest",
    "experience": "experiance",
    "responsible": "responsable",
    "immediately": "immediatly",
    "especially": "especialy",
    "library": "libary",
    "surprise": "suprise",
    "opportunity": "oppertunity",
    "professional": "proffesional",
    "continuous": "continous",
    "guarantee": "garantee",
}

Rule = Callable[[List[str], random.Random], Optional[str]]
_WORD = re.compile(r"^([\"'(]*)([A-Za-z']+)([^A-Za-z']*)$")


def _split(token: str) -> Optional[Tuple[str, str, str]]:
    match = _WORD.match(token)
    return (match.group(1), match.group(2), match.group(3)) if match else None


def _match_case(template: str, word: str) -> str:
    if template.isupper() and len(template) > 1:
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _replace_word(tokens: List[str], index: int, new_word: str) -> None:
    parts = _split(tokens[index])
    assert parts is not None
    prefix, word, suffix = parts
    tokens[index] = prefix + _match_case(word, new_word) + suffix


def _candidates(tokens: Sequence[str], predicate: Callable[[str], bool]) -> List[int]:
    found = []
    for index, token in enumerate(tokens):
        parts = _split(token)
        if parts and predicate(parts[1].lower()):
            found.append(index)
    return found


def _swap_from_sets(
    tokens: List[str], rng: random.Random, sets: Sequence[Sequence[str]], name: str
) -> Optional[str]:
    lookup: Dict[str, Sequence[str]] = {word: group for group in sets for word in group}
    indices = _candidates(tokens, lambda w: w in lookup)
    if not indices:
        return None
    index = rng.choice(indices)
    word = _split(tokens[index])[1].lower()  # type: ignore[index]
    _replace_word(tokens, index, rng.choice([w for w in lookup[word] if w != word]))
    return name


def article_error(tokens: List[str], rng: random.Random) -> Optional[str]:
    indices = _candidates(tokens, lambda w: w in ARTICLES)
    if not indices:
        return None
    index = rng.choice(indices)
    if rng.random() < 0.4 and _split(tokens[index])[2] == "":  # type: ignore[index]
        was_capital = tokens[index][:1].isupper()
        del tokens[index]
        if was_capital and index < len(tokens):
            tokens[index] = tokens[index][:1].upper() + tokens[index][1:]
        return "article-drop"
    return _swap_from_sets(tokens, rng, [ARTICLES], "article")


def preposition_error(tokens: List[str], rng: random.Random) -> Optional[str]:
    return _swap_from_sets(tokens, rng, [PREPOSITIONS], "preposition")


def confusable_error(tokens: List[str], rng: random.Random) -> Optional[str]:
    return _swap_from_sets(tokens, rng, CONFUSABLE_SETS, "confusable")


def agreement_error(tokens: List[str], rng: random.Random) -> Optional[str]:
    if _swap_from_sets(tokens, rng, AGREEMENT_PAIRS, "agreement"):
        return "agreement"
    indices = _candidates(tokens, lambda w: len(w) > 4 and w.endswith("s") and not w.endswith("ss"))
    if not indices:
        return None
    index = rng.choice(indices)
    _replace_word(tokens, index, _split(tokens[index])[1][:-1])  # type: ignore[index]
    return "agreement-s"


def verb_form_error(tokens: List[str], rng: random.Random) -> Optional[str]:
    forms = {form: group for group in IRREGULAR_VERBS for form in group}
    indices = _candidates(tokens, lambda w: w in forms)
    if indices:
        index = rng.choice(indices)
        word = _split(tokens[index])[1].lower()  # type: ignore[index]
        others = [f for f in forms[word] if f != word]
        if others:
            _replace_word(tokens, index, rng.choice(others))
            return "verb-form"
    indices = _candidates(tokens, lambda w: len(w) > 5 and w.endswith("ed"))
    if not indices:
        return None
    index = rng.choice(indices)
    word = _split(tokens[index])[1]  # type: ignore[index]
    _replace_word(tokens, index, word[:-2] if rng.random() < 0.5 else word[:-1])
    return "verb-form-ed"


def misspelling_error(tokens: List[str], rng: random.Random) -> Optional[str]:
    indices = _candidates(tokens, lambda w: w in MISSPELLINGS)
    if not indices:
        return None
    index = rng.choice(indices)
    _replace_word(tokens, index, MISSPELLINGS[_split(tokens[index])[1].lower()])  # type: ignore
    return "misspelling"


def letter_error(tokens: List[str], rng: random.Random) -> Optional[str]:
    """A doubled letter dropped, a single letter doubled, or two neighbouring letters swapped."""
    indices = _candidates(tokens, lambda w: len(w) >= 4 and w.isalpha())
    if not indices:
        return None
    index = rng.choice(indices)
    word = _split(tokens[index])[1]  # type: ignore[index]
    doubled = [i for i in range(1, len(word)) if word[i] == word[i - 1]]
    roll = rng.random()
    if doubled and roll < 0.4:
        position = rng.choice(doubled)
        new_word = word[:position] + word[position + 1 :]
    elif roll < 0.75:
        position = rng.randrange(1, len(word))
        new_word = word[:position] + word[position] + word[position:]
    else:
        position = rng.randrange(1, len(word) - 1)
        new_word = word[:position] + word[position + 1] + word[position] + word[position + 2 :]
    if new_word == word:
        return None
    tokens[index] = tokens[index].replace(word, new_word, 1)
    return "letters"


def capitalization_error(tokens: List[str], rng: random.Random) -> Optional[str]:
    capitalized = [i for i, t in enumerate(tokens) if t[:1].isupper() and not t.isupper()]
    if capitalized and rng.random() < 0.7:
        index = rng.choice(capitalized)
        tokens[index] = tokens[index][:1].lower() + tokens[index][1:]
        return "capitalization"
    lower = [i for i, t in enumerate(tokens) if t[:1].islower() and i > 0]
    if not lower:
        return None
    index = rng.choice(lower)
    tokens[index] = tokens[index][:1].upper() + tokens[index][1:]
    return "capitalization"


def punctuation_error(tokens: List[str], rng: random.Random) -> Optional[str]:
    with_comma = [i for i, t in enumerate(tokens) if t.endswith(",")]
    if with_comma and rng.random() < 0.6:
        index = rng.choice(with_comma)
        tokens[index] = tokens[index][:-1]
        return "comma"
    if tokens and tokens[-1][-1:] in ".!?":
        tokens[-1] = tokens[-1][:-1]
        return "period"
    return None


RULES: Dict[str, Rule] = {
    "article": article_error,
    "preposition": preposition_error,
    "confusable": confusable_error,
    "agreement": agreement_error,
    "verb-form": verb_form_error,
    "misspelling": misspelling_error,
    "letters": letter_error,
    "capitalization": capitalization_error,
    "punctuation": punctuation_error,
}
RULE_WEIGHTS = {
    "article": 3,
    "preposition": 3,
    "confusable": 3,
    "agreement": 3,
    "verb-form": 2,
    "misspelling": 3,
    "letters": 2,
    "capitalization": 1,
    "punctuation": 2,
}


def corrupt(sentence: str, rng: random.Random, max_errors: int = 3) -> Tuple[str, List[str]]:
    """An erroneous version of the sentence and the rules applied; ("", []) when nothing applied."""
    tokens = sentence.split()
    wanted = rng.choice([1, 1, 1, 2, 2, 3][: 2 * max_errors])
    applied: List[str] = []
    names = list(RULES)
    weights = [RULE_WEIGHTS[name] for name in names]
    for _ in range(wanted * 4):
        if len(applied) >= wanted:
            break
        name = rng.choices(names, weights)[0]
        result = RULES[name](tokens, rng)
        if result:
            applied.append(result)
    corrupted = " ".join(tokens)
    if corrupted == sentence:
        return "", []
    return corrupted, applied
