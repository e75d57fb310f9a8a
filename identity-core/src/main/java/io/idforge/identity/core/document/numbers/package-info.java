/**
 * Document-number validators by country and document type (Colombian cédula, Mexican CURP, Chilean
 * RUT/RUN, Peruvian DNI, Brazilian CPF, passport numbers by their MRZ check digit). Each answers a
 * {@link io.idforge.identity.core.document.numbers.NumberCheck} carrying a machine reason and, on
 * failure, the declined-reason code of the catalogue.
 */
package io.idforge.identity.core.document.numbers;
