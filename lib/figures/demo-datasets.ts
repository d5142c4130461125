/** A public dataset shipped as demo data (data/demo/README.md), with how to cite it. */
export type DemoDataset = {
  id: string;
  name: string;
  citation: string;
  source: string;
  license: string;
};

const PYTHIA: DemoDataset = {
  id: "pythia",
  name: "Pythia v1 evaluations",
  citation:
    "Biderman et al. (2023). Pythia: A Suite for Analyzing Large Language Models Across Training and Scaling. ICML 2023. arXiv:2304.01373",
  source: "github.com/EleutherAI/pythia @ a19eecb807ec2c79a39ebf18108816e6ffffc1d5, evals/pythia-v1/",
  license: "Apache-2.0",
};

const OBSSCALING: DemoDataset = {
  id: "obsscaling",
  name: "ObsScaling evaluation results",
  citation:
    "Ruan, Maddison & Hashimoto (2024). Observational Scaling Laws and the Predictability of Language Model Performance. arXiv:2405.10938",
  source: "github.com/ryoungj/ObsScaling @ 4d6e1e43fd2635d04654aa77d1df9d5266ea0382, eval_results/",
  license: "Apache-2.0",
};

const EMERGENT_TASKS: DemoDataset = {
  id: "bigbench-emergent",
  name: "BIG-bench tasks named emergent by Wei et al.",
  citation:
    "Srivastava et al. (2022). Beyond the Imitation Game: Quantifying and extrapolating the capabilities of language models. arXiv:2206.04615; " +
    "Wei et al. (2022). Emergent Abilities of Large Language Models. arXiv:2206.07682",
  source: "task selection of ObsScaling's base_llm_emergent_capability_eval.csv",
  license: "Apache-2.0 (BIG-bench)",
};

/**
 * The demo datasets an upload's file came from, recognised by the path the demo
 * seed stores (`data/demo/pythia/evals/pythia-v1/...`, `data/demo/obsscaling/eval_results/...`).
 */
export function toDemoDatasets(fileName: string): DemoDataset[] {
  const path = fileName.replaceAll("\\", "/");
  if (/(^|\/)pythia\/evals\/pythia-v1\//.test(path)) return [PYTHIA];
  if (/(^|\/)obsscaling\/eval_results\/base_llm_emergent_capability_eval\.csv$/.test(path)) return [OBSSCALING, EMERGENT_TASKS];
  if (/(^|\/)obsscaling\/eval_results\/base_llm_[a-z0-9_]+\.csv$/.test(path)) return [OBSSCALING];
  return [];
}
