/**
 * Operational views of this process, read-only: which event-processor segments this node is working on, so that
 * several instances on one database can be watched from outside (see docs/testing.md, "Long checks").
 */
package se.asfplan.web.ops;
