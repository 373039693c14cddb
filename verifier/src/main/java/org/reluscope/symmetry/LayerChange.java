package org.reluscope.symmetry;

/**
 * What {@link Simplifier} did to one hidden layer of the original network.
 *
 * @param layer      the layer's index in the original network (after {@link NetworkDifference#standardLayers})
 * @param before     its number of ReLU units
 * @param inactive   units removed because they are inactive (z ≤ 0) on the whole domain
 * @param unused     units removed because their outgoing weights are all 0
 * @param duplicates units merged into a positive multiple of another unit of the layer
 * @param folded     units folded into the next affine map: the whole layer when it is active on
 *                   the domain (composed), a unit with zero input weights (its constant into the
 *                   next bias), or every unit before a layer left empty (the rest is constant)
 * @param after      units left
 */
public record LayerChange(int layer, int before, int inactive, int unused, int duplicates, int folded, int after) {
}
