package com.crmfactory.messaging.systemtests.check;

import java.util.LinkedHashMap;
import java.util.Map;

/** One named invariant of one scenario: held or broken, with the figures it was judged on. */
public record InvariantResult(String name, boolean held, Map<String, Object> figures, String detail) {

    public InvariantResult {
        figures = new LinkedHashMap<>(figures);
    }

    static InvariantResult of(String name, boolean held, Map<String, Object> figures, String detail) {
        return new InvariantResult(name, held, figures, detail == null ? "" : detail);
    }
}
