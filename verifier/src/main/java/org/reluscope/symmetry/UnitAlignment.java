package org.reluscope.symmetry;

/**
 * A claimed correspondence between the hidden units of two networks in standard shape (ReLU
 * layers, then one affine layer) on a domain: hidden layer k of f₂ corresponds to hidden layer
 * {@code layers[k]} of f₁, and unit t of that f₁ layer computes μ_t times unit
 * {@code partners[k][t]} of f₂'s layer, h₁,t ≈ μ_t h₂,v (−1: no partner, e.g. a unit inactive on
 * the domain or a duplicate that f₂ merged away — several f₁ units may share a partner). The f₁
 * layers between matched ones are those f₂ composed away. Nothing here is proven:
 * {@link AlignedDifference} proves how far the claim, and so f₁ − f₂, is from exact.
 *
 * @param layers   per hidden layer of f₂, the matched hidden layer of f₁; strictly increasing. Not copied.
 * @param partners per hidden layer of f₂, per unit of the matched f₁ layer, the partner in f₂ or −1. Not copied.
 * @param scales   per hidden layer of f₂, per unit of the matched f₁ layer, μ &gt; 0 (1 where there is no
 *                 partner). Not copied.
 */
record UnitAlignment(int[] layers, int[][] partners, double[][] scales) {
    UnitAlignment {
        if (partners.length != layers.length || scales.length != layers.length) {
            throw new IllegalArgumentException("alignment of " + layers.length + " layers has " + partners.length
                    + " partner and " + scales.length + " scale lists");
        }
        for (int k = 0; k < layers.length; k++) {
            if (k > 0 && layers[k] <= layers[k - 1]) {
                throw new IllegalArgumentException("matched layers must increase, got " + layers[k - 1] + " then "
                        + layers[k]);
            }
            if (partners[k].length != scales[k].length) {
                throw new IllegalArgumentException("layer " + k + ": " + partners[k].length + " partners but "
                        + scales[k].length + " scales");
            }
        }
    }
}
