package org.reluscope.report;

import java.util.Locale;

import org.reluscope.BadInputException;
import org.reluscope.algebra.PolynomialSyntax;

/** The output formats of the algebra commands and the polynomial syntax each one uses. */
public enum ReportFormat {
    TEXT(PolynomialSyntax.TEXT),
    JSON(PolynomialSyntax.TEXT),
    M2(PolynomialSyntax.MACAULAY2),
    SYMPY(PolynomialSyntax.SYMPY);

    private final PolynomialSyntax syntax;

    ReportFormat(PolynomialSyntax syntax) {
        this.syntax = syntax;
    }

    public PolynomialSyntax syntax() {
        return syntax;
    }

    /** text, json, m2 or sympy (case-insensitive). */
    public static ReportFormat parse(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--format", "unknown format '" + name + "': use text, json, m2 or sympy");
        }
    }
}
