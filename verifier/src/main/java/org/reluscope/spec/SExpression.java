package org.reluscope.spec;

import java.util.List;

import org.reluscope.BadInputException;

/**
 * A parsed S-expression of an SMT-LIB / VNN-LIB file, with the position where it starts so
 * that every error can name its line and column.
 */
sealed interface SExpression permits SExpression.Atom, SExpression.Compound {

    /** Where the expression starts in its file. */
    Position at();

    /** A 1-based line and column. */
    record Position(int line, int column) {
        @Override
        public String toString() {
            return "line " + line + ", column " + column;
        }

        /** The error {@code <source>: line L, column C: <message>}. */
        public BadInputException error(String source, String message) {
            return new BadInputException(source, this + ": " + message);
        }
    }

    /** A symbol or a number, as written. */
    record Atom(String text, Position at) implements SExpression {
    }

    /** A parenthesised list {@code (head arg …)}. */
    record Compound(List<SExpression> items, Position at) implements SExpression {
        public Compound {
            items = List.copyOf(items);
        }

        /** The operator or command name, or {@code null} when the list is empty or starts with a list. */
        public String head() {
            return !items.isEmpty() && items.get(0) instanceof Atom a ? a.text() : null;
        }

        /** The items after the head. */
        public List<SExpression> arguments() {
            return items.subList(1, items.size());
        }
    }
}
