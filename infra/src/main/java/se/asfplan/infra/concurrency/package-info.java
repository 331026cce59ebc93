/**
 * Optimistic concurrency for recording: a client's expected aggregate version (sent as command metadata) becomes
 * Axon's expected version, and the versions a command records are reported back to its sender.
 */
package se.asfplan.infra.concurrency;
