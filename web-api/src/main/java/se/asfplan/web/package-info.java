/**
 * The Spring Boot application: REST API, security, and the command line that shares its wiring.
 */
package se.asfplan.web;
