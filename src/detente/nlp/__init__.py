"""Language processing. `detente.nlp.spacy_parser` is the only module that imports spaCy."""

from detente.nlp.segment import Chunk, segment

__all__ = ["Chunk", "segment"]
