package org.reluscope.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.reluscope.BadInputException;
import org.reluscope.spec.SExpression.Compound;
import org.reluscope.spec.SExpression.Position;

/**
 * Reads a VNN-LIB property, the SMT-LIB subset used in VNN-COMP.
 *
 * <p>{@code (declare-const X_i Real)} declares input i and {@code (declare-const Y_j Real)}
 * output j; their counts are the property's sizes. Each {@code (assert φ)} adds a conjunct;
 * the conjunction of all of them describes the UNSAFE set
 * { (x, y) : y = f(x), φ₁(x, y) ∧ … ∧ φ_k(x, y) }. The formula — comparisons
 * ({@code <=, >=, <, >, =}) between linear terms, combined with {@code and} / {@code or}
 * nested in any way — is brought to disjunctive normal form (at most {@link #MAX_DISJUNCTS}
 * terms). Each term becomes a {@link Disjunct}: its single-input bounds intersect into the
 * input {@link org.reluscope.input.Box}, its output comparisons become rows a·y ≤ b. Every
 * conversion from decimal text rounds so that the sets we analyse contain the ones written
 * (see {@link ConstraintReader}), so a proof of {@code unsat} holds for the file as written.
 *
 * <p>{@code set-logic}, {@code set-info}, {@code set-option}, {@code check-sat},
 * {@code get-model} and {@code exit} are accepted and ignored. Every error is a
 * {@link BadInputException} whose message starts with {@code line L, column C:}.
 */
public final class VnnLibParser {
    /** The most DNF terms a property may have. */
    public static final int MAX_DISJUNCTS = 100_000;

    private static final Set<String> IGNORED = Set.of("set-logic", "set-info", "set-option", "check-sat",
            "get-model", "exit");

    private VnnLibParser() {
    }

    /**
     * The property in {@code file}.
     *
     * @throws BadInputException on a missing, unreadable, malformed or unsupported file
     */
    public static Property parse(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file, "no such file");
        } catch (CharacterCodingException e) {
            throw new BadInputException(file, "is not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parse(text, file.toString());
    }

    /**
     * The property written in {@code text}.
     *
     * @param source the file name (or any label) that error messages start with
     * @throws BadInputException on malformed or unsupported text
     */
    public static Property parse(String text, String source) {
        Declarations declarations = new Declarations(source);
        FormulaReader formulas = new FormulaReader(source, new ConstraintReader(source, declarations), MAX_DISJUNCTS);
        Dnf unsafe = Dnf.alwaysTrue();
        for (SExpression command : SExpressionReader.read(text, source)) {
            Compound c = (Compound) command;
            String name = c.head();
            if ("declare-const".equals(name)) {
                declarations.declare(c);
            } else if ("assert".equals(name)) {
                List<SExpression> args = c.arguments();
                if (args.size() != 1) {
                    throw c.at().error(source, "'assert' takes one formula, found " + args.size());
                }
                formulas.conjoin(unsafe, formulas.read(args.get(0)), c.at());
            } else if (name == null || !IGNORED.contains(name)) {
                throw c.at().error(source, "unknown command " + (name == null ? "(no name)" : "'" + name + "'")
                        + "; expected declare-const or assert");
            }
        }
        declarations.checkComplete(new Position(1, 1));
        return new DisjunctBuilder(source, declarations).build(unsafe);
    }
}
