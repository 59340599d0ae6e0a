"""The search query language: words, "quoted phrases", ``word*`` prefixes, ``AND``, ``OR``,
``NOT`` (or ``-word``) and parentheses, parsed once into a tree that each index compiles in
its own way (FTS5 for words, sets of substring hits for Chinese).

Adjacent terms must all occur (implicit ``AND``). ``NOT`` excludes from what the terms
beside it find: a query made only of exclusions would list the whole store, so it is
refused, as are unbalanced quotes and parentheses; a query never reaches SQLite unchecked.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.blocks import HAN

_TOKEN = re.compile(r'\s*(?:(\()|(\))|"([^"]*)"(\*?)|([^\s()"]+))')
_HAN = re.compile(f"[{HAN}]")


class QueryError(ValueError):
    """A query that cannot be searched, with what to change."""


@dataclass(frozen=True)
class Term:
    """A word or phrase of a query; ``prefix`` for ``word*``."""
    text: str
    prefix: bool = False  # word* (in the word index; a substring search finds it anyway)


@dataclass(frozen=True)
class And:
    """Every one of ``items`` must match."""
    items: tuple


@dataclass(frozen=True)
class Or:
    """Any one of ``items`` may match."""
    items: tuple


@dataclass(frozen=True)
class Not:
    """``item`` must not match."""
    item: object


def _lex(query: str) -> list:
    tokens, pos = [], 0
    while pos < len(query) and query[pos:].strip():
        m = _TOKEN.match(query, pos)
        if not m:
            raise QueryError(f"unbalanced quote in {query!r}")
        pos = m.end()
        opening, closing, phrase, star, word = m.groups()
        if opening or closing:
            tokens.append(opening or closing)
        elif phrase is not None:
            if phrase.strip():
                tokens.append(Term(phrase.strip(), bool(star)))
        elif word in ("AND", "OR", "NOT"):
            tokens.append(word)
        else:
            if word.startswith("-") and len(word) > 1:
                tokens.append("NOT")
                word = word[1:]
            prefix = word.endswith("*")
            word = word.rstrip("*")
            if word:
                tokens.append(Term(word, prefix))
    return tokens


def parse(query: str):
    """The tree of ``query``; QueryError when it is empty or malformed."""
    tokens = _lex(query)
    if not any(isinstance(t, Term) for t in tokens):
        raise QueryError(f"empty search query {query!r}")
    pos = 0

    def peek():
        return tokens[pos] if pos < len(tokens) else None

    def any_of():
        nonlocal pos
        items = [all_of()]
        while peek() == "OR":
            pos += 1
            items.append(all_of())
        return items[0] if len(items) == 1 else Or(tuple(items))

    def all_of():
        nonlocal pos
        items = [unary()]
        while peek() not in (None, ")", "OR"):
            if peek() == "AND":
                pos += 1
            items.append(unary())
        return items[0] if len(items) == 1 else And(tuple(items))

    def unary():
        nonlocal pos
        token = peek()
        pos += 1
        if token == "NOT":
            return Not(unary())
        if token == "(":
            inner = any_of()
            if peek() != ")":
                raise QueryError(f"unbalanced parenthesis in {query!r}")
            pos += 1
            return inner
        if isinstance(token, Term):
            return token
        raise QueryError(f"{token or 'end of query'!r} where a term was expected in {query!r}")

    tree = any_of()
    if pos < len(tokens):
        raise QueryError(f"unbalanced parenthesis in {query!r}")
    _check(tree, query)
    return tree


def _check(node, query: str) -> None:
    """Every exclusion needs something found beside it to be excluded from."""
    if isinstance(node, Not) or (isinstance(node, Or)
                                 and any(isinstance(i, Not) for i in node.items)):
        raise QueryError(f"NOT needs a term to exclude from (e.g. 'women NOT girls'): {query!r}")
    if isinstance(node, (And, Or)):
        if isinstance(node, And) and all(isinstance(i, Not) for i in node.items):
            raise QueryError(f"NOT needs a term to exclude from: {query!r}")
        for item in node.items:
            _check(item.item if isinstance(item, Not) else item, query)


def terms(node, excluded: bool = False) -> list[Term]:
    """The terms that must or may occur (and the excluded ones too if asked), in query
    order."""
    if isinstance(node, Term):
        return [node]
    if isinstance(node, Not):
        return terms(node.item, excluded) if excluded else []
    return [t for item in node.items for t in terms(item, excluded)]


def has_han(node) -> bool:
    """Whether any term of the query holds Chinese characters."""
    if isinstance(node, Term):
        return bool(_HAN.search(node.text))
    if isinstance(node, Not):
        return has_han(node.item)
    return any(has_han(i) for i in node.items)
