import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The source documents as copied into the project (test/fixtures/seeds; see its README). */
export const SEED_FILES = {
  "reconnect-service-manager": "000_ed43fbe008e1d851.txt",
  "liaison-diversion-service-manager": "001_31fe5e19a67224ed.txt",
  "reconnect-senior-engagement-worker": "002_2fcc18e06fb9262f.txt",
  "reconnect-peer-support-worker": "003_ee23011a5fa7b18c.txt",
} as const;

export const NATIONAL_PROFILES_FILE = "004_2957dfb0ae648c82.txt";

export function readSeed(file: string): string {
  return readFileSync(join(__dirname, "..", "fixtures", "seeds", file), "utf8");
}
