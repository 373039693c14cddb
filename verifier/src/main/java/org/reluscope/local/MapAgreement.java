package org.reluscope.local;

import org.reluscope.region.AffineMap;

/**
 * How closely two networks' local affine maps f₁(y) = J₁ y + c₁ and f₂(y) = J₂ y + c₂ agree
 * at a point (seed 003: similar structures across networks).
 *
 * @param cosine           vec(J₁)·vec(J₂) / (‖J₁‖_F ‖J₂‖_F): 1 for proportional Jacobians with a
 *                         positive factor; 1 when both are zero, 0 when only one is
 * @param offsetDifference ‖c₁ − c₂‖₂
 * @param jacobianDistance ‖J₁ − J₂‖_F
 */
public record MapAgreement(double cosine, double offsetDifference, double jacobianDistance) {

    /** The agreement of the maps of two regions (of networks with the same input and output sizes). */
    public static MapAgreement of(PointRegion a, PointRegion b) {
        AffineMap ma = a.map();
        AffineMap mb = b.map();
        if (ma.outputs() != mb.outputs() || ma.inputs() != mb.inputs()) {
            throw new IllegalArgumentException("local maps are " + ma.outputs() + "×" + ma.inputs() + " and "
                    + mb.outputs() + "×" + mb.inputs());
        }
        double[] ja = ma.jacobian();
        double[] jb = mb.jacobian();
        double dot = 0;
        double na = 0;
        double nb = 0;
        double diff = 0;
        for (int k = 0; k < ja.length; k++) {
            dot += ja[k] * jb[k];
            na += ja[k] * ja[k];
            nb += jb[k] * jb[k];
            diff += (ja[k] - jb[k]) * (ja[k] - jb[k]);
        }
        double cosine = na == 0 || nb == 0 ? (na == nb ? 1 : 0) : dot / Math.sqrt(na * nb);
        double[] ca = ma.offset();
        double[] cb = mb.offset();
        double off = 0;
        for (int i = 0; i < ca.length; i++) {
            off += (ca[i] - cb[i]) * (ca[i] - cb[i]);
        }
        return new MapAgreement(Math.max(-1, Math.min(1, cosine)), Math.sqrt(off), Math.sqrt(diff));
    }
}
