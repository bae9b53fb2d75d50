"""Throughput: the whole detente pipeline against spaCy alone, on the Wikinews 2020 corpus.

    .venv/bin/python benchmarks/throughput.py [--workers N] [--batch-size N] [--repeat N]
                                              [--limit N] [--corpus PATH] [--json]

Prints, for the same article texts:

1. spaCy alone: `spacy.load(model).pipe(texts, batch_size=B, n_process=W)` on whole articles;
2. detente: `Pipeline.default(Settings(workers=W, batch_size=B)).run(articles)`, all stages;
3. their ratio (detente words/s ÷ spaCy words/s) against the 80 % target;
4. peak memory: max RSS of this whole process (both models, the corpus, everything), also read
   after the detente runs, which come before the spaCy ones so that figure is detente's own;
5. the time of each stage after parsing (the parser once, then each stage over its documents).

Models are loaded and both sides warmed up before any timing. Words are whitespace-separated
tokens of the article texts, one count for both sides. With `--workers` above 1 every timed run
includes starting its worker processes, as every real run does.
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import sys
import time
import traceback
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# spaCy stays inside detente/nlp/ everywhere else. This benchmark imports it directly because
# plain spaCy is what it measures detente against: the baseline must not go through detente.
import spacy

from detente.errors import DetenteError, InputError
from detente.ingest import InputWarning, read_inputs
from detente.model import Article, Document
from detente.nlp.segment import segment
from detente.nlp.spacy_parser import SpacyParser
from detente.pipeline import Pipeline, Settings

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared/corpora/wikinews/wikinews_2020.csv"
TARGET = 0.80
"""detente should keep at least this share of spaCy's words per second."""
WARMUP = 4
"""Articles each side codes once before timing starts."""


@dataclass
class Failure(Exception):
    """The pipeline crashed on an article."""

    article: Article
    where: str
    cause: BaseException


def main(argv: Sequence[str] | None = None) -> int:
    args = _arguments(argv)
    corpus: Path = args.corpus
    if not corpus.is_file():
        print(
            f"throughput: corpus not found: {corpus} (give one with --corpus PATH)", file=sys.stderr
        )
        return 2
    articles = _read_corpus(corpus, args.limit)
    if not articles:
        print(f"throughput: no articles read from {corpus}", file=sys.stderr)
        return 2
    texts = [article.text for article in articles]
    words = sum(len(text.split()) for text in texts)
    settings = Settings(workers=args.workers, batch_size=args.batch_size)

    # Loading is not throughput: both models are loaded, and both sides warmed up, first.
    try:
        nlp = spacy.load(settings.model)
        pipeline = Pipeline.default(settings)
        if isinstance(pipeline.parser, SpacyParser):
            pipeline.parser.nlp  # noqa: B018 (loads the model now rather than while timed)
    except (OSError, ImportError, DetenteError) as exc:
        print(f"throughput: cannot load the model '{settings.model}': {exc}", file=sys.stderr)
        return 2
    rss_loaded = _peak_rss_mb()

    try:
        _time_spacy(nlp, texts[:WARMUP], settings)
        _time_pipeline(pipeline, articles[:WARMUP])

        # detente first, then spaCy: max RSS only grows, so this order lets the peak after the
        # detente runs be detente's own (spaCy on whole articles can need far more).
        pipeline_best, events = float("inf"), 0
        for _ in range(args.repeat):
            seconds, events = _time_pipeline(pipeline, articles)
            pipeline_best = min(pipeline_best, seconds)
        rss_pipeline = _peak_rss_mb(), _peak_rss_mb(children=True)
        spacy_best = min(_time_spacy(nlp, texts, settings) for _ in range(args.repeat))
        rss_spacy = _peak_rss_mb(), _peak_rss_mb(children=True)
        # spaCy alone on the very pieces detente's parser reads (paragraphs), so the ratio is
        # also measured with the segmentation advantage taken away
        chunks = [a.text[c.start : c.end] for a in articles for c in segment(a.text)]
        chunks_best = min(_time_spacy(nlp, chunks, settings) for _ in range(args.repeat))

        parse_seconds, stage_seconds = _time_stages(pipeline, articles, args.repeat)
    except Failure as failure:
        _report_failure(failure)
        return 1

    ratio = spacy_best / pipeline_best  # the same words on both sides
    ratio_chunks = chunks_best / pipeline_best
    strict = min(ratio, ratio_chunks)
    result: dict[str, Any] = {
        "corpus": str(corpus),
        "articles": len(articles),
        "words": words,
        "settings": {**settings.as_dict(), "repeat": args.repeat},
        "spacy": _rates(spacy_best, len(articles), words),
        "pipeline": {**_rates(pipeline_best, len(articles), words), "events": events},
        "spacy_paragraphs": _rates(chunks_best, len(articles), words),
        "ratio_percent": round(100 * ratio, 1),
        "ratio_paragraphs_percent": round(100 * ratio_chunks, 1),
        "target_percent": round(100 * TARGET),
        "meets_target": strict >= TARGET,
        "rss_mb": {
            "after_loading": rss_loaded,
            "after_pipeline_runs": rss_pipeline[0],
            "after_spacy_runs": rss_spacy[0],
            "peak": _peak_rss_mb(),
            "worker_after_pipeline_runs": rss_pipeline[1] if settings.workers > 1 else None,
            "worker_after_spacy_runs": rss_spacy[1] if settings.workers > 1 else None,
        },
        "parse_seconds": round(parse_seconds, 3),
        "stage_seconds": {name: round(seconds, 4) for name, seconds in stage_seconds.items()},
    }
    if args.json:
        print(json.dumps(result))
    else:
        _print_human(result)
    return 0


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Words per second of the whole detente pipeline against spaCy alone."
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="a CSV/JSONL corpus")
    parser.add_argument("--workers", type=_positive, default=1, help="processes (n_process)")
    parser.add_argument("--batch-size", type=_positive, default=64, help="spaCy batch size")
    parser.add_argument("--repeat", type=_positive, default=1, help="runs; the best counts")
    parser.add_argument("--limit", type=_positive, default=None, help="the first N articles")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    return parser.parse_args(argv)


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return number


def _read_corpus(corpus: Path, limit: int | None) -> list[Article]:
    articles: list[Article] = []
    for item in read_inputs([str(corpus)]):
        if isinstance(item, InputError | InputWarning):
            print(f"throughput: {item}", file=sys.stderr)
        else:
            articles.append(item)
        if limit is not None and len(articles) >= limit:
            break
    return articles


def _time_spacy(nlp: Any, texts: list[str], settings: Settings) -> float:
    gc.collect()
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=settings.batch_size, n_process=settings.workers):
        pass
    return time.perf_counter() - start


def _time_pipeline(pipeline: Pipeline, articles: list[Article]) -> tuple[float, int]:
    """Seconds to code every article, and the events found."""
    gc.collect()
    events = done = 0
    start = time.perf_counter()
    try:
        for doc in pipeline.run(articles):
            events += len(doc.events)
            done += 1
    except Exception as exc:
        # Documents come out in order, each coded as soon as it is parsed: the one that failed
        # is the next one (or one parsed in the same batch, if spaCy itself failed).
        raise Failure(articles[done], "pipeline.run", exc) from exc
    return time.perf_counter() - start, events


def _time_stages(
    pipeline: Pipeline, articles: list[Article], repeat: int
) -> tuple[float, dict[str, float]]:
    """Seconds to parse once, and the best seconds of each stage over all parsed documents."""
    gc.collect()
    start = time.perf_counter()
    parsed = list(pipeline.parser.parse(articles))
    parse_seconds = time.perf_counter() - start
    best: dict[str, float] = {}
    for _ in range(repeat):
        docs = parsed
        for stage in pipeline.stages:
            seconds, docs = _time_stage(stage, docs)
            best[stage.name] = min(best.get(stage.name, float("inf")), seconds)
    return parse_seconds, best


def _time_stage(stage: Any, docs: list[Document]) -> tuple[float, list[Document]]:
    out: list[Document] = []
    start = time.perf_counter()
    for doc in docs:
        try:
            out.append(stage(doc))
        except Exception as exc:
            raise Failure(doc.article, f"stage '{stage.name}'", exc) from exc
    return time.perf_counter() - start, out


def _rates(seconds: float, articles: int, words: int) -> dict[str, float]:
    return {
        "seconds": round(seconds, 3),
        "articles_per_s": round(articles / seconds, 2),
        "words_per_s": round(words / seconds),
    }


def _peak_rss_mb(*, children: bool = False) -> float:
    """Max RSS so far of this process (or of its largest finished child), in MB."""
    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    peak = resource.getrusage(who).ru_maxrss
    per_mb = 1024 * 1024 if sys.platform == "darwin" else 1024  # bytes on macOS, else KiB
    return round(peak / per_mb, 1)


def _report_failure(failure: Failure) -> None:
    article = failure.article
    where = f"{article.id}" + (f" ({article.url})" if article.url else "")
    print(
        f"throughput: the pipeline failed in {failure.where} on article {where}: "
        f"{type(failure.cause).__name__}: {failure.cause}",
        file=sys.stderr,
    )
    traceback.print_exception(failure.cause, file=sys.stderr)


def _print_human(r: dict[str, Any]) -> None:
    s, p, rss = r["spacy"], r["pipeline"], r["rss_mb"]
    settings = r["settings"]
    print(f"corpus: {r['corpus']}: {r['articles']} articles, {r['words']:,} words")
    print(
        f"model {settings['model']}, workers {settings['workers']}, "
        f"batch size {settings['batch_size']}, best of {settings['repeat']} run(s)"
    )
    print(
        f"spaCy alone (nlp.pipe, whole articles): {s['seconds']:8.2f} s "
        f"{s['articles_per_s']:8.2f} articles/s {s['words_per_s']:>9,} words/s"
    )
    print(
        f"detente pipeline (all stages):          {p['seconds']:8.2f} s "
        f"{p['articles_per_s']:8.2f} articles/s {p['words_per_s']:>9,} words/s "
        f"{p['events']:>7,} events"
    )
    c = r["spacy_paragraphs"]
    print(
        f"spaCy alone (nlp.pipe, paragraphs):      {c['seconds']:8.2f} s "
        f"{c['articles_per_s']:8.2f} articles/s {c['words_per_s']:>9,} words/s"
    )
    verdict = "met" if r["meets_target"] else "NOT met"
    print(
        f"ratio detente/spaCy words/s: {r['ratio_percent']:.1f} % of spaCy on whole articles, "
        f"{r['ratio_paragraphs_percent']:.1f} % of spaCy on the same paragraphs "
        f"(target ≥ 80 % of both: {verdict})"
    )
    print(
        f"peak memory (max RSS of the whole process, both models loaded): {rss['peak']:.0f} MB; "
        f"after loading {rss['after_loading']:.0f} MB, after the detente runs "
        f"{rss['after_pipeline_runs']:.0f} MB, "
        f"after the spaCy runs {rss['after_spacy_runs']:.0f} MB"
    )
    if rss["worker_after_pipeline_runs"] is not None:
        print(
            f"largest worker process (max RSS): {rss['worker_after_pipeline_runs']:.0f} MB after "
            f"the detente runs, {rss['worker_after_spacy_runs']:.0f} MB after the spaCy runs"
        )
    print("time by stage (parse once, then each stage over all parsed documents):")
    print(f"  {'parse':<12} {r['parse_seconds']:8.3f} s")
    for name, seconds in r["stage_seconds"].items():
        print(f"  {name:<12} {seconds:8.3f} s")
    total = r["parse_seconds"] + sum(r["stage_seconds"].values())
    print(f"  {'total':<12} {total:8.3f} s")


if __name__ == "__main__":
    sys.exit(main())
