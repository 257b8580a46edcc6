import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InternalError } from '../errors.js';
import type { PolicySource } from './policy-yaml.js';

// Both src/policy/ and dist/policy/ sit two levels below the package root.
const RULES_DIRECTORY = new URL('../../rules/', import.meta.url);

const PRESET_NAME = /^[a-z0-9][a-z0-9-]*$/;

/** Named policy files a repository's policy can extend, such as `strict`. */
export interface PresetStore {
  read(name: string): PolicySource | undefined;
  names(): string[];
}

/** Reads `rules/default.yml`, the defaults every policy starts from. */
export function readDefaultPolicy(): PolicySource {
  const url = new URL('default.yml', RULES_DIRECTORY);
  try {
    return { path: fileURLToPath(url), text: readFileSync(url, 'utf8') };
  } catch (error) {
    throw new InternalError(`failed to read the default policy ${fileURLToPath(url)}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** The presets shipped in `rules/`: every YAML file there except `default.yml`. */
export const shippedPresets: PresetStore = {
  read(name) {
    if (!PRESET_NAME.test(name) || name === 'default') return undefined;
    const url = new URL(`${name}.yml`, RULES_DIRECTORY);
    if (!existsSync(url)) return undefined;
    return { path: fileURLToPath(url), text: readFileSync(url, 'utf8') };
  },
  names() {
    return readdirSync(RULES_DIRECTORY)
      .filter((file) => file.endsWith('.yml') && file !== 'default.yml')
      .map((file) => file.slice(0, -'.yml'.length))
      .sort();
  },
};
