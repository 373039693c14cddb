package org.reluscope.spec;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An exact affine expression Σ c_v v + k over VNN-LIB variables, with decimal coefficients.
 * Arithmetic is exact ({@link BigDecimal} addition and multiplication), so rounding to doubles
 * happens once, at the end, in the direction that keeps the analysis sound.
 *
 * @param coefficients non-zero coefficients in first-seen order; not modified after construction
 */
record LinearExpression(Map<Variable, BigDecimal> coefficients, BigDecimal constant) {

    static LinearExpression constant(BigDecimal k) {
        return new LinearExpression(Map.of(), k);
    }

    static LinearExpression variable(Variable v) {
        return new LinearExpression(Map.of(v, BigDecimal.ONE), BigDecimal.ZERO);
    }

    boolean isConstant() {
        return coefficients.isEmpty();
    }

    LinearExpression plus(LinearExpression other) {
        Map<Variable, BigDecimal> sum = new LinkedHashMap<>(coefficients);
        other.coefficients.forEach((v, c) -> sum.merge(v, c, BigDecimal::add));
        sum.values().removeIf(c -> c.signum() == 0);
        return new LinearExpression(Collections.unmodifiableMap(sum), constant.add(other.constant));
    }

    LinearExpression times(BigDecimal factor) {
        Map<Variable, BigDecimal> scaled = new LinkedHashMap<>();
        if (factor.signum() != 0) {
            coefficients.forEach((v, c) -> scaled.put(v, c.multiply(factor)));
        }
        return new LinearExpression(Collections.unmodifiableMap(scaled), constant.multiply(factor));
    }

    LinearExpression minus(LinearExpression other) {
        return plus(other.times(BigDecimal.ONE.negate()));
    }
}
