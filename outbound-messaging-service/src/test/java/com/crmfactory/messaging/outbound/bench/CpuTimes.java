package com.crmfactory.messaging.outbound.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU time (user + system) of each of the benchmark's processes at one moment, read through {@link ProcessHandle}
 * (the kernel's per-process accounting): the service, the simulator, PostgreSQL (the postmaster and its children:
 * backends, checkpointer, WAL writer…) and this JVM, which hosts the broker and the load generator.
 */
record CpuTimes(Map<String, Duration> byProcess) {

    static final String SERVICE = "outbound service";
    static final String SIMULATOR = "Twilio simulator";
    static final String POSTGRES = "PostgreSQL";
    static final String BROKER_AND_LOAD = "broker + load generator";

    static CpuTimes now(Process service, Process simulator, ProcessHandle postmaster) {
        Map<String, Duration> cpu = new LinkedHashMap<>();
        cpu.put(SERVICE, cpuOf(service.toHandle()));
        cpu.put(POSTGRES, Stream.concat(Stream.of(postmaster), postmaster.descendants())
                .map(CpuTimes::cpuOf).reduce(Duration.ZERO, Duration::plus));
        cpu.put(SIMULATOR, cpuOf(simulator.toHandle()));
        cpu.put(BROKER_AND_LOAD, cpuOf(ProcessHandle.current()));
        return new CpuTimes(cpu);
    }

    /** What each process spent from {@code start} to this moment (a PostgreSQL backend that exited meanwhile is lost). */
    CpuTimes since(CpuTimes start) {
        return new CpuTimes(byProcess.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue().minus(start.byProcess.getOrDefault(e.getKey(), Duration.ZERO)),
                (a, b) -> a, LinkedHashMap::new)));
    }

    Duration total() {
        return byProcess.values().stream().reduce(Duration.ZERO, Duration::plus);
    }

    /** "service 1.9, PostgreSQL 0.8, …, total 3.6 CPU-ms per send" for {@code units} sends. */
    String perUnit(int units) {
        StringBuilder s = new StringBuilder();
        byProcess.forEach((name, cpu) -> s.append(String.format("%s %.2f, ", name, cpu.toNanos() / 1e6 / units)));
        return s.append(String.format("total **%.2f** CPU-ms per send", total().toNanos() / 1e6 / units)).toString();
    }

    /** The server behind {@code database}: the parent of the backend serving this connection. */
    static ProcessHandle postmaster(Connection database) throws SQLException {
        try (Statement st = database.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            long backend = rs.getLong(1);
            return ProcessHandle.of(backend).flatMap(ProcessHandle::parent)
                    .orElseThrow(() -> new IllegalStateException("no postmaster above backend " + backend));
        }
    }

    private static Duration cpuOf(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }
}
