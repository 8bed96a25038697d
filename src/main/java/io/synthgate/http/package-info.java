/** HTTP plumbing shared by the REST resources: RFC 9457 problem details for every failure. */
package io.synthgate.http;
