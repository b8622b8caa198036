package io.lambda2azure.core.deviation;

import java.util.Objects;

/**
 * One kind of difference between a Lambda feature and what Azure Functions offers, with a stable id.
 * The catalog ({@link DeviationCatalog}) holds every kind; each has one place where it is raised and one
 * test that raises it.
 *
 * @param id         the stable id, {@code L2A} and three digits ({@code L2A104}); the first digit is the area
 * @param area       the design area
 * @param severity   the usual severity; an instance may raise or lower it
 * @param title      a one-line title
 * @param impact     what the difference means for the running application
 * @param mitigation what to do about it
 * @param helpUrl    where to read more (Microsoft Learn)
 */
public record DeviationKind(String id, Area area, Severity severity, String title, String impact,
                            String mitigation, String helpUrl) {

    public DeviationKind {
        Objects.requireNonNull(id, "id");
        if (!id.matches("L2A[1-9][0-9]{2}")) {
            throw new IllegalArgumentException("deviation ids are L2A and three digits: " + id);
        }
        if (id.charAt(3) - '0' != area.digit()) {
            throw new IllegalArgumentException(id + " does not start with the digit of area " + area);
        }
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(impact, "impact");
        Objects.requireNonNull(mitigation, "mitigation");
        Objects.requireNonNull(helpUrl, "helpUrl");
    }
}
