/**
 * Rerunnable evaluation: score a folder of labelled pairs and report genuine/impostor
 * distributions, false-match and false-non-match rates and an ROC table; plus the generator of the
 * synthetic ID-card evaluation set used as a regression gate.
 */
package io.idforge.identity.face.eval;
