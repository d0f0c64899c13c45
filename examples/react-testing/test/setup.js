// Loaded before each test file (Vitest's setupFiles, Jest's
// setupFilesAfterEach): the stand-in delivers Link callbacks inside React
// Testing Library's act(), and each test starts with no session.
import { act } from '@testing-library/react';
import { configure, reset } from 'front-link-wasm/testing';

configure({ act });
afterEach(reset);
