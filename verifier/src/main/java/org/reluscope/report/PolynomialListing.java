package org.reluscope.report;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import org.reluscope.algebra.PolynomialSyntax;

/**
 * Writes groups of polynomials for a computer-algebra system.
 *
 * <p>SymPy (and plain text): one polynomial per line meaning "polynomial = 0", every other
 * line a {@code #} comment, so a reader can {@code sympify} each non-comment line. Groups that
 * are not part of the final system (say, the equations of one region only) are written as
 * comments. Macaulay2: a ring declaration, each group a named ideal {@code Gk = ideal(…);}, and
 * {@code I} the sum of the groups that make up the system.
 */
final class PolynomialListing {
    /**
     * @param title       a comment line naming the group
     * @param polynomials already formatted in the listing's syntax
     * @param inSystem    whether the group belongs to the system I (otherwise listed for reference)
     */
    record Group(String title, List<String> polynomials, boolean inSystem) {
    }

    private PolynomialListing() {
    }

    static String write(PolynomialSyntax syntax, String header, List<String> variables, List<Group> groups) {
        StringBuilder sb = new StringBuilder();
        sb.append(syntax.comment(header)).append('\n');
        sb.append(syntax.ringDeclaration("R", variables)).append('\n');
        List<String> system = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            Group group = groups.get(g);
            sb.append(syntax.comment(group.title() + (group.inSystem() ? "" : " (not part of the system)"))).append('\n');
            if (syntax == PolynomialSyntax.MACAULAY2) {
                if (!group.polynomials().isEmpty()) {
                    sb.append(ideal("G" + g, group.polynomials()));
                    if (group.inSystem()) {
                        system.add("G" + g);
                    }
                }
            } else {
                for (String p : group.polynomials()) {
                    sb.append(group.inSystem() ? p : syntax.comment(p)).append('\n');
                }
            }
        }
        if (syntax == PolynomialSyntax.MACAULAY2) {
            sb.append("I = ").append(system.isEmpty() ? "ideal(0_R)" : String.join(" + ", system)).append(";\n");
        }
        return sb.toString();
    }

    private static String ideal(String name, List<String> polynomials) {
        StringJoiner joiner = new StringJoiner(",\n  ", name + " = ideal(\n  ", "\n);\n");
        polynomials.forEach(joiner::add);
        return joiner.toString();
    }
}
