/**
 * This process among the replicas that share one database and one spool: its name, under which it
 * claims jobs and keeps its temporary files, and the lease its claims hold.
 */
package io.synthgate.replica;
