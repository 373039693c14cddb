package org.reluscope.verify.split;

import java.util.List;

import org.reluscope.bounds.LayerBounds;
import org.reluscope.input.Box;

/**
 * An open sub-box of the input-split search: its bounds did not exclude the unsafe outputs and
 * no candidate witness was found in it.
 *
 * @param box       the sub-box of the input set's bounding box
 * @param layers    sound pre-activation bounds of every layer on (the input set ∩) the box,
 *                  passed to the children as known bounds
 * @param score     how close the node came to a proof: the best lower bound of a (combined)
 *                  unsafe row minus its right-hand side (&gt; 0 would have closed it); the child
 *                  with the lower score is searched first, since a witness is likelier there
 * @param direction the output row behind {@code score}, whose gradient spread picks the split
 */
record SplitNode(Box box, List<LayerBounds> layers, double score, double[] direction) {
}
