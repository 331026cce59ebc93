/**
 * Who may do what, deny by default: coordinators record, auditors read everything, committee readers read plans and
 * reports (the matrix is in {@link se.asfplan.web.security.SecurityConfiguration}). Users sign in with HTTP Basic
 * against configured users (mode {@code basic}; default passwords only in the profiles {@code local} and
 * {@code test}) or with bearer JWTs of an OpenID Connect provider (mode {@code oidc}, where the web pages sign in at
 * that provider with the authorization code flow and PKCE, {@code OidcPageSignIn}).
 */
package se.asfplan.web.security;
