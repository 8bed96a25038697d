/**
 * Study experiments: the typed, validated {@code synthgate.experiments.<name>.*} settings, the routing
 * rules that choose the experiments of each completed study (one job each), the first step of every
 * experiment route, and the dispatcher that hands jobs to the Camel routes in {@code camel-routes/}.
 */
package io.synthgate.experiment;
