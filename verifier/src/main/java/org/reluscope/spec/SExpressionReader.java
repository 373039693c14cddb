package org.reluscope.spec;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.reluscope.BadInputException;
import org.reluscope.spec.SExpression.Atom;
import org.reluscope.spec.SExpression.Compound;
import org.reluscope.spec.SExpression.Position;

/**
 * Splits SMT-LIB text into its top-level S-expressions. {@code ;} starts a comment that runs
 * to the end of the line; an atom is any run of characters other than white space,
 * parentheses and {@code ;}. Iterative, so deep nesting costs heap, not stack; nesting is
 * still capped because the formula converter that follows recurses.
 */
final class SExpressionReader {
    /** Deeper nesting than any property file needs; keeps the recursive converter off the stack limit. */
    static final int MAX_DEPTH = 500;

    private final String text;
    private final String source;
    private int index;
    private int line = 1;
    private int column = 1;

    private SExpressionReader(String text, String source) {
        this.text = text;
        this.source = source;
    }

    /**
     * The top-level expressions of {@code text}, in order.
     *
     * @throws BadInputException on an unbalanced parenthesis or a top-level atom, with its position
     */
    static List<SExpression> read(String text, String source) {
        return new SExpressionReader(text, source).readAll();
    }

    private List<SExpression> readAll() {
        List<SExpression> top = new ArrayList<>();
        Deque<List<SExpression>> open = new ArrayDeque<>();
        Deque<Position> openAt = new ArrayDeque<>();
        while (skipBlanksAndComments()) {
            Position at = new Position(line, column);
            char c = text.charAt(index);
            if (c == '(') {
                if (open.size() == MAX_DEPTH) {
                    throw at.error(source, "nesting deeper than " + MAX_DEPTH + " levels");
                }
                advance();
                open.push(new ArrayList<>());
                openAt.push(at);
            } else if (c == ')') {
                if (open.isEmpty()) {
                    throw at.error(source, "')' without a matching '('");
                }
                advance();
                Compound done = new Compound(open.pop(), openAt.pop());
                (open.isEmpty() ? top : open.peek()).add(done);
            } else {
                Atom atom = new Atom(readAtomText(), at);
                if (open.isEmpty()) {
                    throw at.error(source, "'" + atom.text() + "' outside parentheses; expected a command such as (assert …)");
                }
                open.peek().add(atom);
            }
        }
        if (!open.isEmpty()) {
            throw openAt.peek().error(source, "'(' is never closed");
        }
        return top;
    }

    /** Moves past white space and comments; false at the end of the text. */
    private boolean skipBlanksAndComments() {
        while (index < text.length()) {
            char c = text.charAt(index);
            if (c == ';') {
                while (index < text.length() && text.charAt(index) != '\n' && text.charAt(index) != '\r') {
                    advance();
                }
            } else if (Character.isWhitespace(c)) {
                advance();
            } else {
                return true;
            }
        }
        return false;
    }

    private String readAtomText() {
        int start = index;
        while (index < text.length()) {
            char c = text.charAt(index);
            if (c == '(' || c == ')' || c == ';' || Character.isWhitespace(c)) {
                break;
            }
            advance();
        }
        return text.substring(start, index);
    }

    /** Consumes one character, counting "\n", "\r\n" and "\r" each as one line break. */
    private void advance() {
        char c = text.charAt(index++);
        boolean lineBreak = c == '\n' || (c == '\r' && (index >= text.length() || text.charAt(index) != '\n'));
        if (lineBreak) {
            line++;
            column = 1;
        } else if (c != '\r') {
            column++;
        }
    }
}
