// Placeholder: replaced by the moto launcher (startMoto) work. Starts nothing yet.
export default async function setup(): Promise<void> {}
