package com.crmfactory.messaging.agent.intent;

import java.util.List;

/**
 * Fits the softmax classifier by full-batch gradient descent with Adam and a little L2, then the
 * temperature that minimises the negative log-likelihood on a calibration split it was not fitted on.
 */
final class SoftmaxTrainer {

    private static final double LEARNING_RATE = 0.05;
    private static final double L2 = 1e-5;
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;

    private SoftmaxTrainer() {
    }

    /** @return {weights[c][d] with bias in column d = dims} */
    static double[][] fit(List<float[]> x, int[] y, int classes, int epochs) {
        int dims = x.get(0).length;
        double[][] w = new double[classes][dims + 1];
        double[][] m = new double[classes][dims + 1];
        double[][] v = new double[classes][dims + 1];
        for (int epoch = 1; epoch <= epochs; epoch++) {
            double[][] grad = new double[classes][dims + 1];
            for (int n = 0; n < x.size(); n++) {
                float[] xn = x.get(n);
                double[] logits = new double[classes];
                for (int c = 0; c < classes; c++) {
                    double s = w[c][dims];
                    for (int d = 0; d < dims; d++) {
                        s += w[c][d] * xn[d];
                    }
                    logits[c] = s;
                }
                double[] p = IntentModel.softmax(logits, 1.0);
                p[y[n]] -= 1;
                for (int c = 0; c < classes; c++) {
                    double g = p[c] / x.size();
                    if (g == 0) {
                        continue;
                    }
                    for (int d = 0; d < dims; d++) {
                        grad[c][d] += g * xn[d];
                    }
                    grad[c][dims] += g;
                }
            }
            for (int c = 0; c < classes; c++) {
                for (int d = 0; d <= dims; d++) {
                    double g = grad[c][d] + (d < dims ? L2 * w[c][d] : 0);
                    m[c][d] = BETA1 * m[c][d] + (1 - BETA1) * g;
                    v[c][d] = BETA2 * v[c][d] + (1 - BETA2) * g * g;
                    double mHat = m[c][d] / (1 - Math.pow(BETA1, epoch));
                    double vHat = v[c][d] / (1 - Math.pow(BETA2, epoch));
                    w[c][d] -= LEARNING_RATE * mHat / (Math.sqrt(vHat) + 1e-8);
                }
            }
        }
        return w;
    }

    /** Grid search over temperatures for the lowest mean negative log-likelihood. */
    static double temperature(List<double[]> logits, int[] y) {
        double best = 1;
        double bestNll = Double.MAX_VALUE;
        for (double t = 0.01; t <= 3.0; t += t < 0.2 ? 0.005 : 0.05) {
            double nll = 0;
            for (int n = 0; n < logits.size(); n++) {
                nll -= Math.log(Math.max(1e-12, IntentModel.softmax(logits.get(n), t)[y[n]]));
            }
            if (nll < bestNll) {
                bestNll = nll;
                best = t;
            }
        }
        return best;
    }
}
