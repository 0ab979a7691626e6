package com.crmfactory.messaging.devstack.load;

import java.util.List;
import java.util.Map;

/** The figures of one rate of a load run. */
record StepResult(int rate, int seconds, int sent, int acknowledged, Map<Integer, Integer> rejectedByStatus,
        int answered, int unanswered, int extraReplies, Stats ack, Stats reply, long replyP50FirstThird,
        long replyP50LastThird, long lagAtStart, long lagMax, List<String> lagMaxGroups, long lagAfterDrain, double machineCoresBusy,
        List<ProcessCost> processes, DatabaseMeter.Costs database, boolean sustained, String verdict) {

    /** Whether the step began with the consumers caught up; one that did not says nothing about its rate. */
    boolean judged() {
        return lagAtStart <= LoadStep.CAUGHT_UP_LAG;
    }

    /** What one process cost during the step (send phase and drain). */
    record ProcessCost(String name, double cpuSeconds, double cpuSecondsPer1000, double coresBusy,
            long allocatedBytesPerMessage, long rssStartBytes, long rssEndBytes, long heapStartBytes, long heapEndBytes,
            List<ThreadCost> hottestThreads) {
    }

    /** CPU seconds the threads of one name used during the step. */
    record ThreadCost(String name, double cpuSeconds) {
    }
}
