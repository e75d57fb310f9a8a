package io.idforge.identity.face.eval;

/** A labelled pair with what the scorer made of it. */
public record ScoredPair(LabelledPair pair, PairScore score) {}
