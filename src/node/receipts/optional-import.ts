/**
 * Loads a database driver the site installs only if it uses it (consentry itself depends on neither). The
 * name goes through a variable so bundlers leave the import to run time instead of bundling the driver.
 */
export async function importOptional<T>(name: string, purpose: string): Promise<T> {
  const specifier = name;
  try {
    return (await import(/* @vite-ignore */ specifier)) as T;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException)?.code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      throw new Error(`consentry receipts: ${purpose} needs the "${name}" package: run "npm install ${name}"`);
    }
    throw error;
  }
}
