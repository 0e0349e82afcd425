/** The example application of the README's Spring Boot section, which the starter's tests start. */
package dev.retort.spring.example;
