package io.commpulse.generate;

import java.util.List;

/**
 * A department of the sample company, with the traits that make the sample data realistic.
 *
 * @param share share of the headcount
 * @param surveyResponseRate share of employees answering the satisfaction survey
 * @param satisfactionShift latent shift of this department's Likert answers
 * @param misinformationRate share of its outgoing communications later flagged
 */
record Department(
    String code,
    String nameZh,
    String nameEn,
    double share,
    double surveyResponseRate,
    double satisfactionShift,
    double misinformationRate) {

  static final List<Department> ALL =
      List.of(
          new Department("SALES", "销售部", "Sales", 0.22, 0.70, -0.25, 0.041),
          new Department("RND", "研发部", "R&D", 0.25, 0.80, 0.20, 0.028),
          new Department("CS", "客户服务部", "Customer Service", 0.15, 0.85, 0.05, 0.035),
          new Department("MKT", "市场部", "Marketing", 0.08, 0.75, 0.10, 0.033),
          new Department("HR", "人力资源部", "Human Resources", 0.04, 0.60, 0.30, 0.020),
          new Department("FIN", "财务部", "Finance", 0.05, 0.80, 0.00, 0.025),
          new Department("OPS", "运营部", "Operations", 0.16, 0.65, -0.35, 0.072),
          new Department("IT", "信息技术部", "IT", 0.05, 0.90, 0.15, 0.030));
}
