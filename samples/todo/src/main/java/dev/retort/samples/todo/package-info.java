/** The seeds/002 Todo AI chatbot backend as a Retort sample. */
package dev.retort.samples.todo;
