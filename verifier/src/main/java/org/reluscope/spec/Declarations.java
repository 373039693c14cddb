package org.reluscope.spec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.reluscope.spec.SExpression.Atom;
import org.reluscope.spec.SExpression.Compound;
import org.reluscope.spec.SExpression.Position;

/**
 * The {@code (declare-const X_i Real)} / {@code (declare-const Y_j Real)} lines of a VNN-LIB
 * file. The network has as many inputs as X's and outputs as Y's, so each family must be
 * numbered from 0 without gaps.
 */
final class Declarations {
    private static final Pattern NAME = Pattern.compile("([XY])_(0|[1-9][0-9]{0,8})");

    private final String source;
    private final Map<String, Variable> byName = new HashMap<>();
    private final Map<Variable, Position> declaredAt = new HashMap<>();
    private final int[] count = new int[2];
    private final Variable[] highest = new Variable[2];

    Declarations(String source) {
        this.source = source;
    }

    /** Records {@code (declare-const NAME Real)}. */
    void declare(Compound command) {
        List<SExpression> args = command.arguments();
        if (args.size() != 2 || !(args.get(0) instanceof Atom name) || !(args.get(1) instanceof Atom sort)) {
            throw command.at().error(source, "expected (declare-const NAME Real)");
        }
        Matcher m = NAME.matcher(name.text());
        if (!m.matches()) {
            throw name.at().error(source, "unsupported variable name '" + name.text()
                    + "': VNN-LIB names inputs X_0, X_1, … and outputs Y_0, Y_1, …");
        }
        if (!sort.text().equals("Real")) {
            throw sort.at().error(source, name.text() + " has sort '" + sort.text() + "'; only Real is supported");
        }
        Variable v = new Variable(m.group(1).equals("Y"), Integer.parseInt(m.group(2)));
        Position first = declaredAt.putIfAbsent(v, name.at());
        if (first != null) {
            throw name.at().error(source, v + " is declared twice (first at " + first + ")");
        }
        byName.put(name.text(), v);
        int family = v.output() ? 1 : 0;
        count[family]++;
        if (highest[family] == null || v.index() > highest[family].index()) {
            highest[family] = v;
        }
    }

    /** The declared variable written as {@code name}, or {@code null}. */
    Variable lookup(String name) {
        return byName.get(name);
    }

    /** Where v was declared. */
    Position position(Variable v) {
        return declaredAt.get(v);
    }

    int inputCount() {
        return count[0];
    }

    int outputCount() {
        return count[1];
    }

    /**
     * Checks that both families are present and numbered without gaps.
     *
     * @param end the end of the file, where a missing family is reported
     */
    void checkComplete(Position end) {
        for (int family = 0; family < 2; family++) {
            String prefix = family == 0 ? "X_" : "Y_";
            if (count[family] == 0) {
                throw end.error(source, "no " + (family == 0 ? "input" : "output") + " variables (" + prefix
                        + "0, …) are declared");
            }
            Variable top = highest[family];
            if (top.index() + 1 != count[family]) {
                int missing = 0;
                while (declaredAt.containsKey(new Variable(family == 1, missing))) {
                    missing++;
                }
                throw declaredAt.get(top).error(source, top + " is declared but " + prefix + missing
                        + " is not: variables must be numbered " + prefix + "0, " + prefix + "1, … without gaps");
            }
        }
    }
}
