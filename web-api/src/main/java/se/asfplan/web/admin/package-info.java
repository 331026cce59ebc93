/** Administration of the read models: rebuilding a projection into a new generation and switching to it. */
package se.asfplan.web.admin;
