package com.crmfactory.messaging.support.web;

import java.util.Map;

/**
 * The health probes on the public port. Actuator lives on the management port; Boot can serve a health
 * group on the main port too, but only at a one-segment path ({@code /livez}, {@code /readyz}), so the
 * probes' usual paths (load balancers, {@code ./omni}, Kubernetes) are mapped onto those.
 */
public final class ProbePaths {

    public static final String LIVENESS = "/actuator/health/liveness";
    public static final String READINESS = "/actuator/health/readiness";

    /** Where Boot serves the liveness and readiness groups on the main port ({@code additional-path}). */
    public static final String LIVEZ = "/livez";
    public static final String READYZ = "/readyz";

    static final Map<String, String> ALIASES = Map.of(LIVENESS, LIVEZ, READINESS, READYZ);

    private ProbePaths() {
    }

    /** The path Boot serves the probe at, for a public probe path; null for any other path. */
    public static String target(String path) {
        return ALIASES.get(path);
    }
}
