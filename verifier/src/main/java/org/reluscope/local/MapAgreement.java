package org.reluscope.local;

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
        double[][] ja = a.jacobian();
        double[][] jb = b.jacobian();
        if (ja.length != jb.length || ja[0].length != jb[0].length) {
            throw new IllegalArgumentException("local maps are " + ja.length + "×" + ja[0].length + " and "
                    + jb.length + "×" + jb[0].length);
        }
        double dot = 0;
        double na = 0;
        double nb = 0;
        double diff = 0;
        for (int i = 0; i < ja.length; i++) {
            for (int j = 0; j < ja[i].length; j++) {
                dot += ja[i][j] * jb[i][j];
                na += ja[i][j] * ja[i][j];
                nb += jb[i][j] * jb[i][j];
                double d = ja[i][j] - jb[i][j];
                diff += d * d;
            }
        }
        double cosine = na == 0 || nb == 0 ? (na == nb ? 1 : 0) : dot / Math.sqrt(na * nb);
        double[] ca = a.offset();
        double[] cb = b.offset();
        double off = 0;
        for (int i = 0; i < ca.length; i++) {
            off += (ca[i] - cb[i]) * (ca[i] - cb[i]);
        }
        return new MapAgreement(Math.max(-1, Math.min(1, cosine)), Math.sqrt(off), Math.sqrt(diff));
    }
}
